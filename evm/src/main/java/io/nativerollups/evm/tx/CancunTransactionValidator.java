package io.nativerollups.evm.tx;

import io.nativerollups.evm.crypto.Kzg;
import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.types.UInt256;
import java.math.BigInteger;

/** Static transaction validity from Cancun: types 0 to 3 (EIP-4844 blob transactions). */
public class CancunTransactionValidator implements TransactionValidator {
  /** EIP-2681: a nonce must stay below 2^64-1 so that it can be incremented. */
  private static final long MAX_NONCE = -1L;
  private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);

  private final GasCalculator gasCalculator;

  /** A validator that takes intrinsic gas and limits from {@code gasCalculator}'s fork. */
  public CancunTransactionValidator(GasCalculator gasCalculator) {
    this.gasCalculator = gasCalculator;
  }

  @Override
  public void validate(Transaction tx, long chainId) {
    if (!supportsType(tx.type())) {
      throw invalid("transaction type " + tx.type().typeByte() + " is not supported in this fork");
    }
    if (tx.chainId() != null && !tx.chainId().equals(UInt256.of(0, 0, 0, chainId))) {
      throw invalid(
          "chain id " + tx.chainId() + " does not match the chain's " + Long.toUnsignedString(chainId));
    }
    if (tx.nonce() == MAX_NONCE) {
      throw invalid("nonce 2^64-1 cannot be incremented (EIP-2681)");
    }
    checkFees(tx);
    if (tx.isContractCreation()) {
      if (!allowsCreation(tx.type())) {
        throw invalid("a type " + tx.type().typeByte() + " transaction cannot create a contract");
      }
      if (tx.data().length > gasCalculator.maxInitcodeSize()) {
        throw invalid(
            "init code of " + tx.data().length + " bytes exceeds "
                + gasCalculator.maxInitcodeSize() + " (EIP-3860)");
      }
    }
    if (tx.type() == TransactionType.BLOB) {
      checkBlobs(tx);
    }
    if (tx.type() == TransactionType.SET_CODE && tx.authorizationList().isEmpty()) {
      throw invalid("a set-code transaction needs at least one authorization (EIP-7702)");
    }
    long gasCap = gasCalculator.maxTransactionGasLimit();
    // Long.MAX_VALUE means uncapped; gas limits themselves go up to 2^64-1.
    if (gasCap != Long.MAX_VALUE && Long.compareUnsigned(tx.gasLimit(), gasCap) > 0) {
      throw invalid(
          "gas limit " + Long.toUnsignedString(tx.gasLimit()) + " exceeds the transaction cap "
              + gasCap + " (EIP-7825)");
    }
    long intrinsicGas = gasCalculator.transactionIntrinsicGas(tx);
    long requiredGas = Math.max(intrinsicGas, gasCalculator.transactionFloorGas(tx));
    if (Long.compareUnsigned(tx.gasLimit(), requiredGas) < 0) {
      throw invalid(
          "gas limit " + Long.toUnsignedString(tx.gasLimit()) + " is below the intrinsic gas "
              + intrinsicGas + (requiredGas > intrinsicGas ? " or the floor " + requiredGas : ""));
    }
  }

  /** Whether transactions of {@code type} exist in this fork. */
  protected boolean supportsType(TransactionType type) {
    return type != TransactionType.SET_CODE;
  }

  private static boolean allowsCreation(TransactionType type) {
    return type == TransactionType.LEGACY
        || type == TransactionType.ACCESS_LIST
        || type == TransactionType.EIP1559;
  }

  private static void checkFees(Transaction tx) {
    UInt256 maxFee = tx.maxFeePerGas();
    if (maxFee == null || tx.maxPriorityFeePerGas() == null) {
      throw invalid("a type " + tx.type().typeByte() + " transaction needs its fee fields");
    }
    if (tx.maxPriorityFeePerGas().compareTo(maxFee) > 0) {
      throw invalid(
          "max priority fee " + tx.maxPriorityFeePerGas() + " exceeds max fee " + maxFee);
    }
    BigInteger gasLimit = new BigInteger(Long.toUnsignedString(tx.gasLimit()));
    if (gasLimit.multiply(maxFee.toBigInteger()).compareTo(TWO_256) >= 0) {
      throw invalid("gas limit times max fee per gas exceeds 2^256-1");
    }
  }

  private void checkBlobs(Transaction tx) {
    int count = tx.blobVersionedHashes().size();
    if (count == 0) {
      throw invalid("a blob transaction needs at least one blob (EIP-4844)");
    }
    if (count > gasCalculator.maxBlobsPerTransaction()) {
      throw invalid(
          "blob transaction carries " + count + " blobs, more than "
              + gasCalculator.maxBlobsPerTransaction());
    }
    if (tx.maxFeePerBlobGas() == null) {
      throw invalid("a blob transaction needs maxFeePerBlobGas");
    }
    for (byte[] hash : tx.blobVersionedHashes()) {
      if (hash.length != 32 || hash[0] != Kzg.VERSIONED_HASH_VERSION_KZG) {
        throw invalid("blob versioned hash must be 32 bytes starting with version 0x01");
      }
    }
  }

  private static InvalidTransactionException invalid(String reason) {
    return new InvalidTransactionException(reason);
  }
}
