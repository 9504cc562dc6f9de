package io.nativerollups.evm.vm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nativerollups.evm.fork.Fork;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Opcodes that need no world state: arithmetic, comparison, bitwise, stack, memory, jumps. */
class InterpreterTest {
  private static final long GAS = 1_000_000;

  static MessageFrame run(Fork fork, String hexCode, long gas) {
    EVM evm = new EVM(fork, Map.of());
    BlockContext block = new BlockContext(Address.ofLong(0xc0), 1, 1, 30_000_000, UInt256.ONE,
        new byte[32], UInt256.ONE, 1, n -> null);
    ExecutionContext ctx = new ExecutionContext(evm, null, block, Address.ofLong(1), UInt256.ONE, List.of());
    MessageFrame frame = new MessageFrame(ctx, evm.code(HexFormat.of().parseHex(hexCode)),
        Address.ofLong(2), Address.ofLong(1), UInt256.ZERO, new byte[0], gas, false, 0);
    evm.run(frame);
    return frame;
  }

  static MessageFrame run(String hexCode) {
    return run(Fork.CANCUN, hexCode, GAS);
  }

  static UInt256 top(MessageFrame f) {
    int b = f.base(0);
    return UInt256.of(f.stack[b + 3], f.stack[b + 2], f.stack[b + 1], f.stack[b]);
  }

  @Test
  void addChargesVeryLowTierAndStops() {
    MessageFrame f = run("6002600301");
    assertEquals(FrameState.SUCCESS, f.state);
    assertEquals(UInt256.valueOf(5), top(f));
    assertEquals(GAS - 9, f.gasRemaining);
  }

  @Test
  void subTakesTheTopAsMinuend() {
    assertEquals(UInt256.valueOf(7), top(run("6003600a03")));
  }

  @Test
  void divisionByZeroGivesZero() {
    assertEquals(UInt256.ZERO, top(run("6000600704")));
  }

  @Test
  void expChargesFiftyPerExponentByte() {
    // 2 ** 0x0100 (a two-byte exponent) wraps to 0
    MessageFrame f = run("6101006002" + "0a");
    assertEquals(UInt256.ZERO, top(f));
    assertEquals(GAS - 3 - 3 - 10 - 2 * 50, f.gasRemaining);
  }

  @Test
  void comparisonsAndShifts() {
    assertEquals(UInt256.ONE, top(run("6002600110"))); // 1 < 2
    assertEquals(UInt256.valueOf(0x100), top(run("600160081b"))); // 1 << 8
    assertEquals(UInt256.valueOf(0xff), top(run("60ff601f1a"))); // byte 31 of 0xff
  }

  @Test
  void truncatedPushPadsWithZerosOnTheRight() {
    assertEquals(UInt256.valueOf(0x1200), top(run("6112")));
  }

  @Test
  void memoryStoreLoadAndExpansionCost() {
    MessageFrame f = run("602a60205260205159");
    assertEquals(UInt256.valueOf(64), top(f));
    assertEquals(UInt256.valueOf(42), UInt256.of(f.stack[3], f.stack[2], f.stack[1], f.stack[0]));
    // PUSH, PUSH, MSTORE(3 + 6 for 2 words), PUSH, MLOAD, MSIZE
    assertEquals(GAS - 3 - 3 - 9 - 3 - 3 - 2, f.gasRemaining);
  }

  @Test
  void mcopyHandlesOverlappingRegions() {
    // MSTORE 0x0102..: store word, then MCOPY(dest=1, src=0, size=31), MLOAD 0
    MessageFrame f = run("7f0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20600052"
        + "601f600060015e600051");
    byte[] word = new byte[32];
    f.writeWord(f.base(0), word, 0);
    assertEquals(1, word[0]);
    assertEquals(1, word[1]);
    assertEquals(31, word[31]);
  }

  @Test
  void jumpIntoPushDataHalts() {
    assertEquals(FrameState.SUCCESS, run("6003565b").state);
    MessageFrame bad = run("600456605b00");
    assertEquals(FrameState.EXCEPTIONAL_HALT, bad.state);
    assertEquals(0, bad.gasRemaining);
  }

  @Test
  void jumpiFollowsNonZeroCondition() {
    MessageFrame f = run("6001600657fe5b600a");
    assertEquals(FrameState.SUCCESS, f.state);
    assertEquals(UInt256.valueOf(10), top(f));
  }

  @Test
  void stackUnderflowConsumesAllGas() {
    MessageFrame f = run("01");
    assertEquals(FrameState.EXCEPTIONAL_HALT, f.state);
    assertEquals(0, f.gasRemaining);
  }

  @Test
  void stackOverflowAt1025Words() {
    MessageFrame ok = run("5f".repeat(1024));
    assertEquals(FrameState.SUCCESS, ok.state);
    assertEquals(FrameState.EXCEPTIONAL_HALT, run("5f".repeat(1025)).state);
  }

  @Test
  void outOfGasHalts() {
    assertEquals(FrameState.EXCEPTIONAL_HALT, run(Fork.CANCUN, "6001600201", 8).state);
  }

  @Test
  void clzExistsFromOsakaOnly() {
    assertEquals(FrameState.EXCEPTIONAL_HALT, run(Fork.PRAGUE, "60011e", GAS).state);
    MessageFrame f = run(Fork.OSAKA, "60011e", GAS);
    assertEquals(UInt256.valueOf(255), top(f));
    assertEquals(GAS - 3 - 5, f.gasRemaining);
  }

  @Test
  void returnAndRevertCarryMemoryOutput() {
    MessageFrame ret = run("60ff60005360016000f3");
    assertEquals(FrameState.SUCCESS, ret.state);
    assertArrayEquals(new byte[] {(byte) 0xff}, ret.output);
    MessageFrame rev = run("60ff60005360016000fd");
    assertEquals(FrameState.REVERTED, rev.state);
    assertArrayEquals(new byte[] {(byte) 0xff}, rev.output);
  }

  @Test
  void hugeMemoryOffsetRunsOutOfGas() {
    assertEquals(FrameState.EXCEPTIONAL_HALT, run("6001640100000000" + "52").state);
  }
}
