package io.nativerollups.node.genesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.block.SystemContracts;
import io.nativerollups.evm.crypto.Secp256k1;
import io.nativerollups.evm.fork.Fork;
import io.nativerollups.evm.state.InMemoryWorldState;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenesisTest {
  /** The dev keys the README lists for genesis/l1-dev.json. */
  static final String[] DEV_KEYS = {
    "3030059708a63acbaf2d62eba813162ae7baaeed56228f1ff3d232f80e2d99de",
    "bdd95b5ba9fbda9af453c806479dade573f9ad4275bdc2ee78cb319a88602bdd",
    "77fc9f422b50f444d25397081b1484995774401a9535c11154882b27e22a11ec",
    "43c115d56253f391a5463524f33595e1374c2ec4c0aa04814db1480a93927cf4",
  };

  static Genesis l1Dev() throws Exception {
    return Genesis.load(Path.of("..", "genesis", "l1-dev.json"));
  }

  @Test
  void l1DevGenesisIsOsakaFromZeroWithSystemContractsAndFundedDevKeys() throws Exception {
    Genesis genesis = l1Dev();
    assertEquals(1337, genesis.chainConfig().chainId());
    assertEquals(Fork.OSAKA, genesis.chainConfig().forkAt(0).rules());
    InMemoryWorldState state = genesis.state();
    for (Address a : new Address[] {SystemContracts.BEACON_ROOTS, SystemContracts.HISTORY_STORAGE,
        SystemContracts.WITHDRAWAL_REQUESTS, SystemContracts.CONSOLIDATION_REQUESTS}) {
      assertTrue(state.getCode(a).length > 0, a + " has code");
    }
    for (String key : DEV_KEYS) {
      Address dev = Secp256k1.addressOf(HexFormat.of().parseHex(key));
      assertTrue(state.getBalance(dev).compareTo(UInt256.ZERO) > 0, dev + " is funded");
    }
    BlockHeader header = genesis.header(state.rootHash());
    assertEquals(21, header.fieldCount(), "an Osaka header carries the requests hash");
    @SuppressWarnings("unchecked")
    Map<String, Object> nativeRollups = (Map<String, Object>) genesis.config().get("nativeRollups");
    assertNotNull(nativeRollups);
    assertEquals("0x0000000000000000000000000000000000000101", nativeRollups.get("executeAddress"));
  }

  @Test
  void forkTimesAndAllocNumbersInHexOrDecimal() throws Exception {
    Genesis g = Genesis.parse("""
        {"config":{"chainId":"0x10","cancunTime":0,"pragueTime":"100","osakaTime":"0xc8"},
         "gasLimit":"30000000","alloc":{"0000000000000000000000000000000000000001":{"balance":"12","nonce":"0x2",
         "storage":{"0x01":"0x05"}}}}""");
    assertEquals(16, g.chainConfig().chainId());
    assertEquals(Fork.CANCUN, g.chainConfig().forkAt(99).rules());
    assertEquals(Fork.PRAGUE, g.chainConfig().forkAt(100).rules());
    assertEquals(Fork.OSAKA, g.chainConfig().forkAt(200).rules());
    InMemoryWorldState s = g.state();
    Address one = Address.ofLong(1);
    assertEquals(UInt256.valueOf(12), s.getBalance(one));
    assertEquals(2, s.getNonce(one));
    assertEquals(UInt256.valueOf(5), s.getStorage(one, UInt256.ONE));
    assertEquals(20, g.header(s.rootHash()).fieldCount(), "a Cancun genesis header has no requests hash");
  }

  private static String reason(String json) {
    return assertThrows(InvalidGenesisException.class, () -> Genesis.parse(json)).getMessage();
  }

  @Test
  void malformedGenesisFilesFailNamingTheField() {
    assertTrue(reason("{").contains("not valid JSON"));
    assertTrue(reason("[]").contains("JSON object"));
    assertTrue(reason("{\"alloc\":{}}").contains("\"config\""));
    assertTrue(reason("{\"config\":{\"cancunTime\":0},\"gasLimit\":1}").contains("chainId"));
    assertTrue(reason("{\"config\":{\"chainId\":1},\"gasLimit\":1}").contains("cancunTime"));
    assertTrue(reason("{\"config\":{\"chainId\":1,\"cancunTime\":0,\"londonBlock\":5},\"gasLimit\":1}").contains("londonBlock"));
    assertTrue(reason("{\"config\":{\"chainId\":1,\"cancunTime\":0,\"pragueTime\":9,\"osakaTime\":3},\"gasLimit\":1}")
        .contains("osakaTime"));
    assertTrue(reason("{\"config\":{\"chainId\":1,\"cancunTime\":0}}").contains("gasLimit"));
    assertTrue(reason("{\"config\":{\"chainId\":1,\"cancunTime\":0},\"gasLimit\":1,\"alloc\":{\"0x12\":{\"balance\":\"1\"}}}")
        .contains("alloc.0x12"));
    assertTrue(reason("{\"config\":{\"chainId\":1,\"cancunTime\":0},\"gasLimit\":1,"
        + "\"alloc\":{\"0x0000000000000000000000000000000000000001\":{\"balance\":\"-1\"}}}").contains("negative"));
    assertTrue(reason("{\"config\":{\"chainId\":1,\"cancunTime\":0},\"gasLimit\":1,"
        + "\"alloc\":{\"0x0000000000000000000000000000000000000001\":{\"balance\":\"1\",\"code\":\"0xzz\"}}}").contains("code"));
    assertTrue(reason("{\"config\":{\"chainId\":1,\"cancunTime\":0,\"blobSchedule\":{\"cancun\":{\"target\":9,\"max\":6,"
        + "\"baseFeeUpdateFraction\":1}}},\"gasLimit\":1}").contains("blobSchedule.cancun"));
  }

  @Test
  void missingGenesisFileIsReportedWithItsPath() {
    InvalidGenesisException e = assertThrows(InvalidGenesisException.class, () -> Genesis.load(Path.of("/nonexistent/g.json")));
    assertTrue(e.getMessage().contains("/nonexistent/g.json"));
  }
}
