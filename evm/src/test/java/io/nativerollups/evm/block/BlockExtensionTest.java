package io.nativerollups.evm.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.nativerollups.evm.fork.Fork;
import io.nativerollups.evm.precompile.PrecompiledContract;
import io.nativerollups.evm.state.WorldState;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BlockExtensionTest {
  private static final Address PRECOMPILE = Address.fromHex("0x0000000000000000000000000000000000000101");
  private static final Address PROBE = Address.fromHex("0x00000000000000000000000000000000000000aa");
  private static final Address COUNTER = Address.fromHex("0x00000000000000000000000000000000000000bb");
  /** STATICCALL(gas, 0x0101, no input), then SSTORE(NUMBER, RETURNDATASIZE). */
  private static final byte[] STORE_RETURNDATASIZE = HexFormat.of().parseHex("6000600060006000610101" + "5afa503d435500");
  private static final long ACTIVATION = 2 * TestChain.BLOCK_TIME;

  private static final PrecompiledContract FOUR_BYTES = new PrecompiledContract() {
    @Override public String name() { return "FOUR_BYTES"; }
    @Override public long gasRequirement(byte[] input) { return 10; }
    @Override public byte[] compute(byte[] input) { return new byte[4]; }
  };

  /** Adds FOUR_BYTES from {@link #ACTIVATION}; counts blocks in COUNTER's slot 0 at the start and end. */
  private static final BlockExtension EXTENSION = new BlockExtension() {
    @Override
    public Map<Address, PrecompiledContract> precompiles(long timestamp) {
      return timestamp >= ACTIVATION ? Map.of(PRECOMPILE, FOUR_BYTES) : Map.of();
    }

    @Override
    public void startBlock(WorldState world, BlockHeader header) {
      world.setStorage(COUNTER, UInt256.ONE, UInt256.valueOf(header.number()));
    }

    @Override
    public void endBlock(WorldState world, BlockHeader header) {
      world.setStorage(COUNTER, UInt256.ZERO, world.getStorage(COUNTER, UInt256.ZERO).add(UInt256.ONE));
    }
  };

  private static TestChain chain(BlockExtension extension) {
    ChainConfig config = new ChainConfig(TestChain.CHAIN_ID, ChainConfig.MAINNET_DEPOSIT_CONTRACT,
        List.of(new ForkActivation("Cancun", Fork.CANCUN, 0, BlobSchedule.CANCUN)));
    return new TestChain(config, extension, w -> w.setCode(PROBE, STORE_RETURNDATASIZE));
  }

  @Test
  void precompileExistsFromItsActivationTimeAndHooksRunEveryBlock() throws Exception {
    TestChain chain = chain(EXTENSION);
    chain.importBlock(chain.build(List.of(TestChain.call(0, PROBE, new byte[0], 100_000)), List.of()));
    chain.importBlock(chain.build(List.of(TestChain.call(1, PROBE, new byte[0], 100_000)), List.of()));
    WorldState state = chain.headState();
    assertEquals(UInt256.ZERO, state.getStorage(PROBE, UInt256.ONE), "block 1 precedes the activation: empty account");
    assertEquals(UInt256.valueOf(4), state.getStorage(PROBE, UInt256.valueOf(2)), "block 2 calls the precompile");
    assertEquals(UInt256.valueOf(2), state.getStorage(COUNTER, UInt256.ZERO), "endBlock ran in both blocks");
    assertEquals(UInt256.valueOf(2), state.getStorage(COUNTER, UInt256.ONE), "startBlock saw block 2");
  }

  @Test
  void blockBuiltWithAnExtensionIsInvalidWithoutIt() throws Exception {
    TestChain with = chain(EXTENSION);
    Block block = with.build(List.of(), List.of());
    TestChain without = chain(BlockExtension.NONE);
    InvalidBlockException e = assertThrows(InvalidBlockException.class, () -> without.importBlock(block));
    assertEquals(BlockError.INVALID_STATE_ROOT, e.error());
  }
}
