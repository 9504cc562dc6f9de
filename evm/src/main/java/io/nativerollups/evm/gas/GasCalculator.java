package io.nativerollups.evm.gas;

import io.nativerollups.evm.fork.Fork;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.types.UInt256;

/**
 * Every gas price and gas-related limit of one fork. Forks form one inheritance chain ({@link
 * CancunGasCalculator} &lt;- {@link PragueGasCalculator} &lt;- {@link OsakaGasCalculator}); a later fork
 * overrides only what it changes. Operations read their constant costs once when the registry is
 * built, so the interpreter loop makes no calls here for fixed-price opcodes.
 */
public interface GasCalculator {

  /** The calculator of {@code fork}. */
  static GasCalculator forFork(Fork fork) {
    return switch (fork) {
      case CANCUN -> new CancunGasCalculator();
      case PRAGUE -> new PragueGasCalculator();
      case OSAKA -> new OsakaGasCalculator();
    };
  }

  // ---- transaction level ----

  /** Intrinsic gas: base 21000 (53000 for a creation), calldata, access list, initcode words, authorizations. */
  long transactionIntrinsicGas(Transaction tx);

  /** EIP-7623 minimum gas a transaction is charged for its calldata; 0 before Prague. */
  long transactionFloorGas(Transaction tx);

  /** Largest gas limit one transaction may have (EIP-7825 from Osaka); {@code Long.MAX_VALUE} when uncapped. */
  long maxTransactionGasLimit();

  /** The divisor of gas used that bounds the refund (EIP-3529: 5). */
  long maxRefundQuotient();

  /** EIP-7702: refund when an authorization targets an account that already exists. */
  long authorizationExistingAccountRefund();

  // ---- blobs (EIP-4844 and its per-fork parameters) ----

  long blobGasPerBlob();

  int maxBlobsPerBlock();

  /** Blobs one transaction may carry (EIP-7594 from Osaka); equal to the block limit before. */
  int maxBlobsPerTransaction();

  long blobBaseFeeUpdateFraction();

  /** The blob base fee for a block with this excess blob gas (EIP-4844 fake exponential). */
  UInt256 blobBaseFee(long excessBlobGas);

  // ---- tiers of fixed-price opcodes ----

  long baseTierGasCost();

  long veryLowTierGasCost();

  long lowTierGasCost();

  long midTierGasCost();

  long highTierGasCost();

  long jumpDestGasCost();

  // ---- dynamic costs ----

  /** Cost of growing memory from {@code currentWords} to {@code newWords} 32-byte words. */
  long memoryExpansionGasCost(long currentWords, long newWords);

  /** Total memory cost of {@code words} words: 3w + w²/512. */
  long memoryCost(long words);

  /** EXP: the fixed part. */
  long expGasCost();

  /** EXP: the extra cost per byte of the exponent. */
  long expByteGasCost();

  long keccak256GasCost();

  long keccak256WordGasCost();

  /** Per-word cost of CALLDATACOPY, CODECOPY, RETURNDATACOPY, EXTCODECOPY, MCOPY. */
  long copyWordGasCost();

  long logGasCost();

  long logTopicGasCost();

  long logDataByteGasCost();

  // ---- EIP-2929 accesses ----

  long warmStorageReadCost();

  long coldAccountAccessCost();

  long coldSloadCost();

  // ---- storage ----

  /** EIP-2200 sentry: SSTORE fails if no more than this much gas is left. */
  long sstoreSentryGas();

  /** SSTORE cost under EIP-2200/2929, without the cold surcharge. */
  long sstoreGasCost(UInt256 original, UInt256 current, UInt256 newValue);

  /** Change of the refund counter caused by an SSTORE (EIP-2200 with EIP-3529 values); may be negative. */
  long sstoreRefund(UInt256 original, UInt256 current, UInt256 newValue);

  long transientStorageGasCost();

  // ---- calls, creations, self-destruct ----

  long callValueTransferGasCost();

  long newAccountGasCost();

  long callStipend();

  /** Gas a caller may pass on (EIP-150: all but one 64th). */
  long maxCallGas(long gasRemaining);

  long createGasCost();

  /** EIP-3860 cost per word of initcode, for CREATE and CREATE2 and creation transactions. */
  long initcodeWordGasCost();

  /** CREATE2 hashing cost per word of initcode. */
  long create2WordGasCost();

  long codeDepositByteGasCost();

  long selfDestructGasCost();

  long blobHashGasCost();

  long blockHashGasCost();

  /** EIP-170 code size limit. */
  int maxCodeSize();

  /** EIP-3860 initcode size limit. */
  int maxInitcodeSize();
}
