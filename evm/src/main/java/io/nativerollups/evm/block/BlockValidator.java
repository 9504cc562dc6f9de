package io.nativerollups.evm.block;

import io.nativerollups.evm.crypto.Keccak256;
import io.nativerollups.evm.fork.Fork;
import io.nativerollups.evm.rlp.Rlp;
import io.nativerollups.evm.trie.MerklePatriciaTrie;
import io.nativerollups.evm.types.UInt256;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rules a block must satisfy before it is executed: its header against its parent and the
 * post-merge constants (EIP-1559 gas limit and base fee, EIP-4844/7691/7918 excess blob gas), and
 * its body against its header (ommers, transactions and withdrawals roots, EIP-7934 size).
 */
public final class BlockValidator {
  /** keccak256(rlp([])), the ommers hash of every post-merge block. */
  public static final byte[] EMPTY_OMMERS_HASH = Keccak256.hash(Rlp.EMPTY_LIST);
  /** Geth's and EEST's bound on a header gas limit. */
  private static final long MAX_GAS_LIMIT = Long.MAX_VALUE;
  private static final long MIN_GAS_LIMIT = 5000;
  private static final long GAS_LIMIT_ADJUSTMENT_FACTOR = 1024;
  private static final long ELASTICITY_MULTIPLIER = 2;
  private static final BigInteger BASE_FEE_MAX_CHANGE_DENOMINATOR = BigInteger.valueOf(8);
  private static final int MAX_EXTRA_DATA = 32;
  /** EIP-7918: blob gas is priced at least as BLOB_BASE_COST execution gas. */
  private static final BigInteger BLOB_BASE_COST = BigInteger.valueOf(1L << 13);
  /** EIP-7934: MAX_BLOCK_SIZE (10 MiB) minus SAFETY_MARGIN (2 MiB). */
  public static final int MAX_RLP_BLOCK_SIZE = 10_485_760 - 2_097_152;

  private BlockValidator() {}

  /**
   * Checks {@code header} against {@code parent} under the rules of {@code fork}, in the order of
   * the execution specs (which decides the reported rule when several are broken).
   *
   * @throws InvalidBlockException naming the first rule broken
   */
  public static void validateHeader(BlockHeader header, BlockHeader parent, ForkActivation fork)
      throws InvalidBlockException {
    checkFieldSet(header, fork.rules());
    long expectedExcess = expectedExcessBlobGas(parent, fork);
    if (header.excessBlobGas() != expectedExcess) {
      throw new InvalidBlockException(BlockError.INCORRECT_EXCESS_BLOB_GAS,
          "excess blob gas " + Long.toUnsignedString(header.excessBlobGas()) + ", expected " + Long.toUnsignedString(expectedExcess));
    }
    if (Long.compareUnsigned(header.gasUsed(), header.gasLimit()) > 0) {
      throw new InvalidBlockException(BlockError.INVALID_GAS_USED_ABOVE_LIMIT,
          "gas used " + Long.toUnsignedString(header.gasUsed()) + " exceeds gas limit " + header.gasLimit());
    }
    if (Long.compareUnsigned(header.gasLimit(), MAX_GAS_LIMIT) > 0) {
      throw new InvalidBlockException(BlockError.GASLIMIT_TOO_BIG,
          "gas limit " + Long.toUnsignedString(header.gasLimit()) + " exceeds 2^63-1");
    }
    checkGasLimit(header.gasLimit(), parent.gasLimit());
    UInt256 expectedBaseFee = expectedBaseFee(parent);
    if (!header.baseFeePerGas().equals(expectedBaseFee)) {
      throw new InvalidBlockException(BlockError.INVALID_BASEFEE_PER_GAS,
          "base fee " + header.baseFeePerGas() + ", expected " + expectedBaseFee);
    }
    if (Long.compareUnsigned(header.timestamp(), parent.timestamp()) <= 0) {
      throw new InvalidBlockException(BlockError.INVALID_BLOCK_TIMESTAMP_OLDER_THAN_PARENT,
          "timestamp " + Long.toUnsignedString(header.timestamp()) + " is not after parent's "
              + Long.toUnsignedString(parent.timestamp()));
    }
    if (header.number() != parent.number() + 1) {
      throw new InvalidBlockException(BlockError.INVALID_BLOCK_NUMBER,
          "number " + Long.toUnsignedString(header.number()) + " does not follow parent's " + Long.toUnsignedString(parent.number()));
    }
    if (header.extraData().length > MAX_EXTRA_DATA) {
      throw new InvalidBlockException(BlockError.EXTRA_DATA_TOO_BIG,
          "extra data of " + header.extraData().length + " bytes exceeds " + MAX_EXTRA_DATA);
    }
    if (!header.difficulty().isZero()) {
      throw new InvalidBlockException(BlockError.IMPORT_IMPOSSIBLE_DIFFICULTY_OVER_PARIS,
          "difficulty " + header.difficulty() + " must be 0 after the merge");
    }
    if (!Arrays.equals(header.nonce(), new byte[8])) {
      throw new InvalidBlockException(BlockError.INCORRECT_BLOCK_FORMAT, "nonce must be zero after the merge");
    }
    if (!Arrays.equals(header.ommersHash(), EMPTY_OMMERS_HASH)) {
      throw new InvalidBlockException(BlockError.IMPORT_IMPOSSIBLE_UNCLES_OVER_PARIS,
          "ommers hash must be that of an empty list after the merge");
    }
    if (!Arrays.equals(header.parentHash(), parent.hash())) {
      throw unknownParent(header);
    }
    // The blob gas used is compared with the transactions' only after them, as in the spec: a
    // block over the blob limit fails on the transaction that crosses it.
  }

  /** The error for a header whose parent is not known; a zero parent hash is told apart. */
  public static InvalidBlockException unknownParent(BlockHeader header) {
    return Arrays.equals(header.parentHash(), new byte[32])
        ? new InvalidBlockException(BlockError.UNKNOWN_PARENT_ZERO, "the parent hash is zero")
        : new InvalidBlockException(BlockError.UNKNOWN_PARENT, "parent block is not known");
  }

  /** Cancun headers carry fields 0-19; Prague and Osaka add the requests hash. */
  private static void checkFieldSet(BlockHeader header, Fork rules) throws InvalidBlockException {
    int expected = rules.isAtLeast(Fork.PRAGUE) ? 21 : 20;
    if (header.fieldCount() != expected) {
      throw new InvalidBlockException(BlockError.INCORRECT_BLOCK_FORMAT,
          "a " + rules.displayName() + " header has " + expected + " fields, got " + header.fieldCount());
    }
  }

  /** EIP-1559: the gas limit moves by less than 1/1024 of the parent's and stays at least 5000. */
  private static void checkGasLimit(long gasLimit, long parentGasLimit) throws InvalidBlockException {
    long maxDelta = Long.divideUnsigned(parentGasLimit, GAS_LIMIT_ADJUSTMENT_FACTOR);
    BigInteger limit = unsigned(gasLimit);
    BigInteger parent = unsigned(parentGasLimit);
    BigInteger delta = unsigned(maxDelta);
    if (limit.compareTo(parent.add(delta)) >= 0 || limit.compareTo(parent.subtract(delta)) <= 0
        || Long.compareUnsigned(gasLimit, MIN_GAS_LIMIT) < 0) {
      throw new InvalidBlockException(BlockError.INVALID_GASLIMIT,
          "gas limit " + Long.toUnsignedString(gasLimit) + " is not within 1/1024 of parent's "
              + Long.toUnsignedString(parentGasLimit) + " (or below " + MIN_GAS_LIMIT + ")");
    }
  }

  /** EIP-1559: the base fee a child of {@code parent} must have. */
  public static UInt256 expectedBaseFee(BlockHeader parent) {
    BigInteger parentBaseFee = parent.baseFeePerGas().toBigInteger();
    long target = Long.divideUnsigned(parent.gasLimit(), ELASTICITY_MULTIPLIER);
    long used = parent.gasUsed();
    if (used == target || target == 0) {
      return parent.baseFeePerGas();
    }
    BigInteger targetBig = unsigned(target);
    BigInteger delta;
    if (Long.compareUnsigned(used, target) > 0) {
      delta = parentBaseFee.multiply(unsigned(used - target)).divide(targetBig).divide(BASE_FEE_MAX_CHANGE_DENOMINATOR)
          .max(BigInteger.ONE);
      return UInt256.fromBigInteger(parentBaseFee.add(delta));
    }
    delta = parentBaseFee.multiply(unsigned(target - used)).divide(targetBig).divide(BASE_FEE_MAX_CHANGE_DENOMINATOR);
    return UInt256.fromBigInteger(parentBaseFee.subtract(delta));
  }

  /**
   * EIP-4844 excess blob gas of a child of {@code parent}, with the child's blob schedule; from
   * Osaka, EIP-7918 stops subtracting the target while blobs are priced below their reserve price.
   */
  public static long expectedExcessBlobGas(BlockHeader parent, ForkActivation fork) {
    long parentExcess = parent.excessBlobGas() == null ? 0 : parent.excessBlobGas();
    long parentUsed = parent.blobGasUsed() == null ? 0 : parent.blobGasUsed();
    BlobSchedule blobs = fork.blobs();
    long total = parentExcess + parentUsed;
    if (Long.compareUnsigned(total, blobs.targetBlobGas()) < 0) {
      return 0;
    }
    if (fork.rules().isAtLeast(Fork.OSAKA)) {
      BigInteger reservePrice = BLOB_BASE_COST.multiply(parent.baseFeePerGas().toBigInteger());
      BigInteger blobPrice = blobs.blobBaseFee(parentExcess).multiply(BigInteger.valueOf(BlobSchedule.GAS_PER_BLOB));
      if (reservePrice.compareTo(blobPrice) > 0) {
        return parentExcess + parentUsed * (blobs.max() - blobs.target()) / blobs.max();
      }
    }
    return total - blobs.targetBlobGas();
  }

  /** From Osaka, EIP-7934: the block's RLP encoding must fit in {@link #MAX_RLP_BLOCK_SIZE}. */
  public static void checkSize(Block block, ForkActivation fork) throws InvalidBlockException {
    if (fork.rules().isAtLeast(Fork.OSAKA) && block.encodedSize() > MAX_RLP_BLOCK_SIZE) {
      throw new InvalidBlockException(BlockError.RLP_BLOCK_LIMIT_EXCEEDED,
          "block of " + block.encodedSize() + " bytes exceeds " + MAX_RLP_BLOCK_SIZE + " (EIP-7934)");
    }
  }

  /**
   * Checks the body against the header: no ommers, a withdrawals list, the transactions and
   * withdrawals roots.
   */
  public static void validateBody(Block block) throws InvalidBlockException {
    BlockHeader header = block.header();
    if (!block.ommers().isEmpty()) {
      throw new InvalidBlockException(BlockError.IMPORT_IMPOSSIBLE_UNCLES_OVER_PARIS,
          "a post-merge block has " + block.ommers().size() + " ommers");
    }
    if (block.withdrawals() == null) {
      throw new InvalidBlockException(BlockError.RLP_WITHDRAWALS_NOT_READ, "the block has no withdrawals list");
    }
    byte[] txRoot = MerklePatriciaTrie.orderedRoot(block.transactionEnvelopes());
    if (!Arrays.equals(txRoot, header.transactionsRoot())) {
      throw new InvalidBlockException(BlockError.INVALID_TRANSACTIONS_ROOT, "transactions root does not match the transactions");
    }
    List<byte[]> withdrawals = new ArrayList<>(block.withdrawals().size());
    for (Withdrawal w : block.withdrawals()) {
      withdrawals.add(w.encode());
    }
    if (!Arrays.equals(MerklePatriciaTrie.orderedRoot(withdrawals), header.withdrawalsRoot())) {
      throw new InvalidBlockException(BlockError.INVALID_WITHDRAWALS_ROOT, "withdrawals root does not match the withdrawals");
    }
  }

  private static BigInteger unsigned(long v) {
    return new BigInteger(Long.toUnsignedString(v));
  }
}
