package io.nativerollups.node.rpc.eth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nativerollups.evm.block.LogsBloom;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.vm.Log;
import io.nativerollups.node.rpc.BlockParameter;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogFilterTest {
  private static final Address EMITTER = Address.ofLong(0xC0DE);
  private static final Address OTHER = Address.ofLong(0xBEEF);
  private static final byte[] EMITTER_BLOOM = LogsBloom.of(List.of(new Log(EMITTER, List.of(new byte[32]), new byte[0])));

  private static LogFilter filter(List<Address> addresses) {
    return new LogFilter(BlockParameter.LATEST, BlockParameter.LATEST, null, addresses, List.of());
  }

  @Test
  void aBlockWithoutLogsNeverMatchesEvenWithoutAnAddress() {
    assertFalse(filter(List.of()).bloomTest().test(new byte[LogsBloom.SIZE]));
    assertFalse(filter(List.of(EMITTER)).bloomTest().test(new byte[LogsBloom.SIZE]));
  }

  @Test
  void aBlockWithLogsMayMatchAFilterWithoutAddress() {
    assertTrue(filter(List.of()).bloomTest().test(EMITTER_BLOOM));
  }

  @Test
  void anAddressFilterMatchesOnlyBloomsHoldingOneOfItsAddresses() {
    assertTrue(filter(List.of(EMITTER)).bloomTest().test(EMITTER_BLOOM));
    assertTrue(filter(List.of(OTHER, EMITTER)).bloomTest().test(EMITTER_BLOOM));
    assertFalse(filter(List.of(OTHER)).bloomTest().test(EMITTER_BLOOM));
  }
}
