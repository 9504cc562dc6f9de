package io.nativerollups.evm.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nativerollups.evm.fork.Fork;
import io.nativerollups.evm.state.InMemoryWorldState;
import io.nativerollups.evm.tracing.FrameType;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CallDepthTest {
  private static final Address SELF = Address.ofLong(0xcccc);

  @Test
  void recursionStopsAtDepth1024WithinAOneMegabyteThreadStack() throws Exception {
    InMemoryWorldState world = new InMemoryWorldState();
    // SSTORE(0, SLOAD(0) + 1); CALL(GAS, ADDRESS, 0, 0, 0, 0, 0)
    world.setCode(SELF, HexFormat.of().parseHex("600160005401600055" + "60006000600060006000305af100"));
    world.commitTransaction();
    world.beginTransaction();
    EVM evm = new EVM(Fork.CANCUN, Map.of());
    BlockContext block = new BlockContext(Address.ofLong(0xc0), 1, 1, 30_000_000, UInt256.ONE,
        new byte[32], UInt256.ONE, 1, n -> null);
    ExecutionContext ctx = new ExecutionContext(evm, world, block, Address.ofLong(1), UInt256.ONE, List.of());
    AtomicReference<MessageResult> result = new AtomicReference<>();
    // a default-sized thread stack must hold the interpreter's recursion for the full depth
    Thread t = new Thread(null, () -> result.set(evm.executeCall(ctx, FrameType.CALL, Address.ofLong(1), SELF, SELF, true,
        UInt256.ZERO, null, world.getCode(SELF), new byte[0], 1L << 60, false, 0)), "deep", 1L << 20);
    t.start();
    t.join();
    assertEquals(FrameState.SUCCESS, result.get().state());
    assertEquals(UInt256.valueOf(1025), world.getStorage(SELF, UInt256.ZERO));
  }
}
