package io.nativerollups.evm.block;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nativerollups.evm.fork.Fork;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Each header rule broken once against an otherwise valid child of a Cancun, Prague or Osaka parent. */
class BlockValidatorTest {
  private static final ForkActivation CANCUN = new ForkActivation("Cancun", Fork.CANCUN, 0, BlobSchedule.CANCUN);
  private static final ForkActivation PRAGUE = new ForkActivation("Prague", Fork.PRAGUE, 0, BlobSchedule.PRAGUE);
  private static final ForkActivation OSAKA = new ForkActivation("Osaka", Fork.OSAKA, 0, BlobSchedule.PRAGUE);

  private final TestChain chain = new TestChain(Fork.CANCUN, w -> {});
  private final BlockHeader parent = chain.head;
  private final BlockHeader child = chain.childTemplate(List.of(), List.of()).build();

  @Test
  void validChildPasses() {
    assertDoesNotThrow(() -> BlockValidator.validateHeader(child, parent, CANCUN));
  }

  @Test
  void eachBrokenHeaderRuleIsNamed() {
    assertBroken(BlockError.UNKNOWN_PARENT, b -> b.parentHash(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
        15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}));
    assertBroken(BlockError.UNKNOWN_PARENT_ZERO, b -> b.parentHash(new byte[32]));
    assertBroken(BlockError.INVALID_BLOCK_NUMBER, b -> b.number(2));
    assertBroken(BlockError.INVALID_BLOCK_TIMESTAMP_OLDER_THAN_PARENT, b -> b.timestamp(parent.timestamp()));
    assertBroken(BlockError.GASLIMIT_TOO_BIG, b -> b.gasLimit(-1L));
    assertBroken(BlockError.INVALID_GAS_USED_ABOVE_LIMIT, b -> b.gasUsed(TestChain.GAS_LIMIT + 1));
    assertBroken(BlockError.INVALID_GASLIMIT, b -> b.gasLimit(TestChain.GAS_LIMIT + TestChain.GAS_LIMIT / 1024));
    assertBroken(BlockError.INVALID_GASLIMIT, b -> b.gasLimit(TestChain.GAS_LIMIT - TestChain.GAS_LIMIT / 1024));
    assertBroken(BlockError.INVALID_BASEFEE_PER_GAS, b -> b.baseFeePerGas(parent.baseFeePerGas().add(UInt256.ONE)));
    assertBroken(BlockError.EXTRA_DATA_TOO_BIG, b -> b.extraData(new byte[33]));
    assertBroken(BlockError.IMPORT_IMPOSSIBLE_DIFFICULTY_OVER_PARIS, b -> b.difficulty(UInt256.ONE));
    assertBroken(BlockError.INCORRECT_BLOCK_FORMAT, b -> b.nonce(new byte[] {0, 0, 0, 0, 0, 0, 0, 1}));
    assertBroken(BlockError.IMPORT_IMPOSSIBLE_UNCLES_OVER_PARIS, b -> b.ommersHash(new byte[32]));
    assertBroken(BlockError.INCORRECT_EXCESS_BLOB_GAS, b -> b.excessBlobGas(BlobSchedule.GAS_PER_BLOB));
    assertBroken(BlockError.INCORRECT_BLOCK_FORMAT, b -> b.parentBeaconBlockRoot(null));
  }

  @Test
  void ethereumTestsNamesOfTheSameRulesAreAccepted() {
    assertTrue(BlockError.GAS_ALLOWANCE_EXCEEDED.answersTo("TransactionException.GAS_ALLOWANCE_EXCEEDED"));
    assertTrue(BlockError.GAS_ALLOWANCE_EXCEEDED.answersTo("BlockException.GAS_USED_OVERFLOW"));
    assertTrue(BlockError.IMPORT_IMPOSSIBLE_UNCLES_OVER_PARIS.answersTo("BlockException.INVALID_UNCLES_HASH"));
    assertTrue(BlockError.UNKNOWN_PARENT_ZERO.answersTo("BlockException.UNKNOWN_PARENT"));
    assertFalse(BlockError.UNKNOWN_PARENT.answersTo("BlockException.UNKNOWN_PARENT_ZERO"));
    assertFalse(BlockError.INVALID_STATE_ROOT.answersTo("BlockException.INVALID_RECEIPTS_ROOT"));
  }

  @Test
  void gasLimitMayMoveByLessThanOneIn1024() {
    long step = TestChain.GAS_LIMIT / 1024 - 1;
    UnaryOperator<BlockHeader.Builder> up = b -> b.gasLimit(TestChain.GAS_LIMIT + step);
    UnaryOperator<BlockHeader.Builder> down = b -> b.gasLimit(TestChain.GAS_LIMIT - step);
    assertDoesNotThrow(() -> BlockValidator.validateHeader(up.apply(child.toBuilder()).build(), parent, CANCUN));
    assertDoesNotThrow(() -> BlockValidator.validateHeader(down.apply(child.toBuilder()).build(), parent, CANCUN));
  }

  @Test
  void pragueHeaderNeedsTheRequestsHash() {
    InvalidBlockException e = assertThrows(InvalidBlockException.class,
        () -> BlockValidator.validateHeader(child, parent, PRAGUE));
    assertEquals(BlockError.INCORRECT_BLOCK_FORMAT, e.error());
    BlockHeader withRequests = child.toBuilder().requestsHash(new byte[32]).build();
    assertDoesNotThrow(() -> BlockValidator.validateHeader(withRequests, parent, PRAGUE));
  }

  @Test
  void baseFeeFollowsEip1559() {
    UInt256 fee = UInt256.valueOf(1_000_000_000L);
    assertEquals(fee, BlockValidator.expectedBaseFee(withGas(fee, 15_000_000)), "at target");
    assertEquals(UInt256.valueOf(1_125_000_000L), BlockValidator.expectedBaseFee(withGas(fee, 30_000_000)), "full: +1/8");
    assertEquals(UInt256.valueOf(875_000_000L), BlockValidator.expectedBaseFee(withGas(fee, 0)), "empty: -1/8");
    assertEquals(UInt256.valueOf(8), BlockValidator.expectedBaseFee(withGas(UInt256.valueOf(7), 15_000_001)),
        "an increase is at least 1");
  }

  @Test
  void excessBlobGasFollowsEachForksSchedule() {
    long blob = BlobSchedule.GAS_PER_BLOB;
    BlockHeader sixBlobs = parent.toBuilder().blobGasUsed(6 * blob).excessBlobGas(0L).build();
    assertEquals(3 * blob, BlockValidator.expectedExcessBlobGas(sixBlobs, CANCUN), "Cancun target 3");
    assertEquals(0, BlockValidator.expectedExcessBlobGas(sixBlobs, PRAGUE), "Prague target 6");
    BlockHeader nineBlobs = parent.toBuilder().blobGasUsed(9 * blob).excessBlobGas(10 * blob).build();
    assertEquals(13 * blob, BlockValidator.expectedExcessBlobGas(nineBlobs, PRAGUE));
    ForkActivation bpo = new ForkActivation("BPO1", Fork.OSAKA, 0, new BlobSchedule(10, 15, 8_346_193));
    BlockHeader fifteenBlobs = parent.toBuilder().blobGasUsed(15 * blob).excessBlobGas(0L)
        .baseFeePerGas(UInt256.ONE).build();
    assertEquals(5 * blob, BlockValidator.expectedExcessBlobGas(fifteenBlobs, bpo), "BPO1 target 10");
  }

  @Test
  void osakaStopsSubtractingTheTargetWhileBlobsAreBelowTheirReservePrice() {
    long blob = BlobSchedule.GAS_PER_BLOB;
    // base fee 1 gwei: reserve price 8192 gwei per blob, far above a blob base fee of 1 wei
    BlockHeader cheapBlobs = parent.toBuilder().blobGasUsed(9 * blob).excessBlobGas(0L)
        .baseFeePerGas(UInt256.valueOf(1_000_000_000L)).build();
    assertEquals(9 * blob * 3 / 9, BlockValidator.expectedExcessBlobGas(cheapBlobs, OSAKA));
    assertEquals(3 * blob, BlockValidator.expectedExcessBlobGas(cheapBlobs, PRAGUE), "Prague has no reserve price");
    BlockHeader cheapExecution = cheapBlobs.toBuilder().baseFeePerGas(UInt256.ZERO).build();
    assertEquals(3 * blob, BlockValidator.expectedExcessBlobGas(cheapExecution, OSAKA));
  }

  @Test
  void blobBaseFeeUsesTheScheduleFraction() {
    assertEquals(1, BlobSchedule.CANCUN.blobBaseFee(0).intValueExact());
    // e^(excess / fraction) at excess = fraction: floor(e) = 2
    assertEquals(2, BlobSchedule.CANCUN.blobBaseFee(3_338_477).intValueExact());
    assertEquals(1, BlobSchedule.PRAGUE.blobBaseFee(3_338_477).intValueExact());
  }

  @Test
  void badBlobScheduleIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new BlobSchedule(6, 3, 1));
    assertThrows(IllegalArgumentException.class, () -> new BlobSchedule(3, 6, 0));
  }

  @Test
  void forkIsChosenByTimestamp() {
    ChainConfig config = new ChainConfig(1, Address.ZERO, List.of(
        new ForkActivation("Prague", Fork.PRAGUE, 15_000, BlobSchedule.PRAGUE), CANCUN));
    assertEquals(Fork.CANCUN, config.forkAt(14_999).rules());
    assertEquals(Fork.PRAGUE, config.forkAt(15_000).rules());
    assertEquals(Fork.PRAGUE, config.forkAt(-1L).rules(), "timestamps are unsigned");
    assertThrows(IllegalArgumentException.class, () -> new ChainConfig(1, Address.ZERO, List.of(
        new ForkActivation("Prague", Fork.PRAGUE, 5, BlobSchedule.PRAGUE))), "no fork at genesis");
    assertThrows(IllegalArgumentException.class, () -> new ChainConfig(1, Address.ZERO, List.of(
        new ForkActivation("Prague", Fork.PRAGUE, 0, BlobSchedule.PRAGUE),
        new ForkActivation("Cancun", Fork.CANCUN, 5, BlobSchedule.CANCUN))), "forks out of order");
  }

  private BlockHeader withGas(UInt256 baseFee, long gasUsed) {
    return parent.toBuilder().baseFeePerGas(baseFee).gasUsed(gasUsed).build();
  }

  private void assertBroken(BlockError expected, UnaryOperator<BlockHeader.Builder> change) {
    BlockHeader broken = change.apply(child.toBuilder()).build();
    InvalidBlockException e = assertThrows(InvalidBlockException.class,
        () -> BlockValidator.validateHeader(broken, parent, CANCUN), expected.name());
    assertEquals(expected, e.error(), e.getMessage());
  }
}
