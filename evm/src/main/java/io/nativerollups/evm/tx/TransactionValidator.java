package io.nativerollups.evm.tx;

import io.nativerollups.evm.fork.Fork;
import io.nativerollups.evm.gas.GasCalculator;

/**
 * A fork's static transaction validity: the rules that need neither state nor block (type
 * supported, chain id, fee fields, limits, intrinsic gas). State-dependent rules (nonce, balance,
 * base fee, block gas) are the transaction processor's.
 */
public interface TransactionValidator {

  /** The validator of {@code fork}'s rules. */
  static TransactionValidator forFork(Fork fork) {
    return switch (fork) {
      case CANCUN -> new CancunTransactionValidator(GasCalculator.forFork(fork));
      // Osaka adds no transaction type; its new limits (EIP-7825 gas cap, EIP-7594 blobs per
      // transaction) come from its gas calculator.
      case PRAGUE, OSAKA -> new PragueTransactionValidator(GasCalculator.forFork(fork));
    };
  }

  /**
   * Checks {@code tx} against this fork's static rules on the chain {@code chainId}.
   *
   * @throws InvalidTransactionException naming the first rule {@code tx} breaks
   */
  void validate(Transaction tx, long chainId);
}
