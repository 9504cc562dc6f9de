package io.nativerollups.evm.processing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nativerollups.evm.fork.Fork;
import io.nativerollups.evm.state.InMemoryWorldState;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.evm.vm.BlockContext;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class MessageCallRunnerTest {
  private static final Address CONTRACT = Address.ofLong(0xc0de);
  private static final Address CALLER = Address.ofLong(0xca11);
  private static final BlockContext BLOCK = new BlockContext(Address.ofLong(0xc0), 1, 1, 30_000_000,
      UInt256.ONE, new byte[32], UInt256.ONE, 1, n -> null);

  private static InMemoryWorldState worldWith(String code) {
    InMemoryWorldState world = new InMemoryWorldState();
    world.setNonce(CONTRACT, 1);
    world.setCode(CONTRACT, HexFormat.of().parseHex(code));
    world.commitTransaction();
    return world;
  }

  // SSTORE(0, 42); MSTORE(0, CALLER); RETURN(12, 20)
  private static final String STORE_AND_RETURN_CALLER = "602a600055" + "33600052" + "6014600cf3";

  @Test
  void returnsOutputAndExecutionGasWithoutIntrinsicGas() {
    InMemoryWorldState world = worldWith(STORE_AND_RETURN_CALLER);
    MessageCallRunner.Outcome out =
        new MessageCallRunner(Fork.OSAKA).call(world, BLOCK, CALLER, CONTRACT, new byte[0], 100_000, true);
    assertTrue(out.success());
    assertArrayEquals(CALLER.toArray(), out.output());
    // PUSH1 PUSH1 (3+3) + cold SSTORE 0->42 (2100 + 20000) + CALLER PUSH1 MSTORE (2+3+3+3 memory) + PUSH1 PUSH1 RETURN (3+3)
    assertEquals(6 + 22_100 + 11 + 6, out.gasUsed());
    assertEquals(UInt256.valueOf(42), world.getStorage(CONTRACT, UInt256.ZERO));
  }

  @Test
  void withoutKeepingChangesTheSameCallRepeatsIdentically() {
    InMemoryWorldState world = worldWith(STORE_AND_RETURN_CALLER);
    byte[] root = world.rootHash();
    MessageCallRunner runner = new MessageCallRunner(Fork.OSAKA);
    MessageCallRunner.Outcome first = runner.call(world, BLOCK, CALLER, CONTRACT, new byte[0], 100_000, false);
    MessageCallRunner.Outcome second = runner.call(world, BLOCK, CALLER, CONTRACT, new byte[0], 100_000, false);
    assertEquals(first.gasUsed(), second.gasUsed());
    assertEquals(UInt256.ZERO, world.getStorage(CONTRACT, UInt256.ZERO));
    assertArrayEquals(root, world.rootHash());
  }

  @Test
  void outOfGasFailsAndConsumesEverything() {
    InMemoryWorldState world = worldWith(STORE_AND_RETURN_CALLER);
    MessageCallRunner.Outcome out =
        new MessageCallRunner(Fork.OSAKA).call(world, BLOCK, CALLER, CONTRACT, new byte[0], 5_000, true);
    assertFalse(out.success());
    assertEquals(5_000, out.gasUsed());
    assertEquals(UInt256.ZERO, world.getStorage(CONTRACT, UInt256.ZERO));
  }
}
