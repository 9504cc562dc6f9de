package io.nativerollups.evmtool.blocktest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.nativerollups.evm.block.BlobSchedule;
import io.nativerollups.evm.block.ChainConfig;
import io.nativerollups.evm.fork.Fork;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworksTest {
  private static final BlobSchedule BPO1 = new BlobSchedule(10, 15, 8_346_193);

  @Test
  void singleForkIsActiveFromGenesisWithItsDefaultBlobSchedule() {
    ChainConfig cancun = Networks.chainConfig("Cancun", 1, Map.of());
    assertEquals(Fork.CANCUN, cancun.forkAt(Long.MAX_VALUE).rules());
    assertEquals(BlobSchedule.CANCUN, cancun.forkAt(0).blobs());
    assertEquals(BlobSchedule.PRAGUE, Networks.chainConfig("Osaka", 1, Map.of()).forkAt(0).blobs());
  }

  @Test
  void transitionActivatesTheSecondForkAtTheNamedTime() {
    ChainConfig config = Networks.chainConfig("CancunToPragueAtTime15k", 7, Map.of());
    assertEquals(Fork.CANCUN, config.forkAt(14_999).rules());
    assertEquals(Fork.PRAGUE, config.forkAt(15_000).rules());
    assertEquals(BlobSchedule.PRAGUE, config.forkAt(15_000).blobs());
    assertEquals(7, config.chainId());
  }

  @Test
  void blobParameterOnlyForkKeepsOsakaRulesWithTheListedSchedule() {
    ChainConfig config = Networks.chainConfig("OsakaToBPO1AtTime15k", 1, Map.of("BPO1", BPO1));
    assertEquals(Fork.OSAKA, config.forkAt(15_000).rules());
    assertEquals(BPO1, config.forkAt(15_000).blobs());
    assertEquals(BPO1, Networks.chainConfig("BPO1", 1, Map.of("bpo1", BPO1)).forkAt(0).blobs(), "any case");
    assertThrows(IllegalArgumentException.class, () -> Networks.chainConfig("BPO2", 1, Map.of("BPO1", BPO1)));
  }

  @Test
  void fixtureScheduleOverridesTheDefault() {
    BlobSchedule custom = new BlobSchedule(1, 2, 3);
    assertEquals(custom, Networks.chainConfig("Prague", 1, Map.of("Prague", custom)).forkAt(0).blobs());
  }

  @Test
  void networksBeforeCancunAreOutOfScope() {
    assertNull(Networks.chainConfig("Shanghai", 1, Map.of()));
    assertNull(Networks.chainConfig("ShanghaiToCancunAtTime15k", 1, Map.of()));
    assertNull(Networks.chainConfig("FrontierToHomesteadAt5", 1, Map.of()));
    assertNull(Networks.chainConfig("ArrowGlacierToParisAtDiffC0000", 1, Map.of()));
  }

  @Test
  void unknownNetworksAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> Networks.chainConfig("Amsterdamm", 1, Map.of()));
    assertThrows(IllegalArgumentException.class, () -> Networks.chainConfig("CancunToPragueAt5", 1, Map.of()));
  }
}
