package io.nativerollups.node.genesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nativerollups.evm.block.BlobSchedule;
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
    Genesis unprefixed = Genesis.parse("""
        {"config":{"chainId":1,"cancunTime":0},"gasLimit":1,"alloc":{"0x0000000000000000000000000000000000000001":
         {"balance":"0","storage":{"02":"0107"}}}}""");
    assertEquals(UInt256.valueOf(0x107), unprefixed.state().getStorage(one, UInt256.valueOf(2)), "storage words as geth reads them");
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

  /** A valid genesis with {@code config} inside its config object and {@code top} beside it. */
  private static String genesis(String config, String top) {
    return "{\"config\":{\"chainId\":1,\"cancunTime\":0" + config + "},\"gasLimit\":\"0x1c9c380\"" + top + "}";
  }

  private static void assertReason(String expected, String json) {
    String reason = reason(json);
    assertTrue(reason.contains(expected), () -> "\"" + reason + "\" should name " + expected);
  }

  @Test
  void badHexAndNumbersAreReportedNamingTheField() throws Exception {
    Genesis.parse(genesis("", "")); // the base is valid
    assertReason("config.chainId", genesis(",\"chainId\":\"0xzz\"", ""));
    assertReason("config.chainId", genesis(",\"chainId\":true", ""));
    assertReason("config.pragueTime", genesis(",\"pragueTime\":\"soon\"", ""));
    assertReason("config.pragueTime", genesis(",\"pragueTime\":-5", ""));
    assertReason("extraData", genesis("", ",\"extraData\":\"0xzz\""));
    assertReason("extraData", genesis("", ",\"extraData\":\"0x" + "00".repeat(33) + "\""));
    assertReason("mixHash", genesis("", ",\"mixHash\":\"0x1234\""));
    assertReason("coinbase", genesis("", ",\"coinbase\":\"0x1234\""));
    assertReason("nonce", genesis("", ",\"nonce\":\"0x1ffffffffffffffff\""));
    assertReason("difficulty", genesis("", ",\"difficulty\":\"0xg\""));
    assertReason("baseFeePerGas", genesis("", ",\"baseFeePerGas\":\"lots\""));
    assertReason("timestamp", genesis("", ",\"timestamp\":\"12:00\""));
    String account = "\"0x0000000000000000000000000000000000000001\"";
    assertReason("alloc." + account.replace("\"", "") + ".nonce",
        genesis("", ",\"alloc\":{" + account + ":{\"balance\":\"1\",\"nonce\":\"x\"}}"));
    assertReason("alloc." + account.replace("\"", "") + ".balance is missing",
        genesis("", ",\"alloc\":{" + account + ":{}}"));
    assertReason("storage key", genesis("", ",\"alloc\":{" + account + ":{\"balance\":\"1\",\"storage\":{\"0xzz\":\"0x01\"}}}"));
    assertReason("storage.0x01", genesis("", ",\"alloc\":{" + account + ":{\"balance\":\"1\",\"storage\":{\"0x01\":\"0x"
        + "00".repeat(33) + "\"}}}"));
    assertReason("storage.0x01", genesis("", ",\"alloc\":{" + account + ":{\"balance\":\"1\",\"storage\":{\"0x01\":16}}}"));
    assertReason("storage must be an object", genesis("", ",\"alloc\":{" + account + ":{\"balance\":\"1\",\"storage\":[]}}"));
    assertReason("must be an object", genesis("", ",\"alloc\":{" + account + ":5}"));
    assertReason("\"alloc\"", genesis("", ",\"alloc\":[]"));
    assertReason("config.blobSchedule.prague.max", genesis(",\"pragueTime\":0,\"blobSchedule\":{\"prague\":{\"target\":6,"
        + "\"max\":\"many\",\"baseFeeUpdateFraction\":1}}", ""));
    assertReason("config.blobSchedule.prague", genesis(",\"pragueTime\":0,\"blobSchedule\":{\"prague\":7}", ""));
    assertReason("config.blobSchedule.prague.target is out of range", genesis(",\"pragueTime\":0,\"blobSchedule\":"
        + "{\"prague\":{\"target\":4294967302,\"max\":9,\"baseFeeUpdateFraction\":1}}", ""));
  }

  @Test
  void forksMustBeScheduledInOrder() {
    assertReason("config.osakaTime (3) must not precede config.pragueTime (9)", genesis(",\"pragueTime\":9,\"osakaTime\":3", ""));
    assertReason("config.osakaTime is set but config.pragueTime is not", genesis(",\"osakaTime\":3", ""));
    assertReason("config.osakaTime is set but config.pragueTime is not", genesis(",\"pragueTime\":null,\"osakaTime\":3", ""));
    String bpoSchedule = ",\"blobSchedule\":{\"bpo1\":{\"target\":9,\"max\":12,\"baseFeeUpdateFraction\":5007716},"
        + "\"bpo2\":{\"target\":12,\"max\":15,\"baseFeeUpdateFraction\":5007716}}";
    assertReason("config.bpo1Time is set but config.osakaTime is not", genesis(",\"pragueTime\":0,\"bpo1Time\":5" + bpoSchedule, ""));
    assertReason("config.bpo2Time is set but config.bpo1Time is not",
        genesis(",\"pragueTime\":0,\"osakaTime\":0,\"bpo2Time\":5" + bpoSchedule, ""));
    assertReason("config.bpo2Time (5) must not precede config.bpo1Time (6)",
        genesis(",\"pragueTime\":0,\"osakaTime\":0,\"bpo1Time\":6,\"bpo2Time\":5" + bpoSchedule, ""));
    assertReason("config.blobSchedule.bpo1 is missing", genesis(",\"pragueTime\":0,\"osakaTime\":0,\"bpo1Time\":6", ""));
  }

  @Test
  void blobParameterOnlyForksKeepOsakaRulesWithTheirBlobSchedule() throws Exception {
    Genesis g = Genesis.parse(genesis(",\"pragueTime\":0,\"osakaTime\":0,\"bpo1Time\":100,\"bpo2Time\":200,"
        + "\"blobSchedule\":{\"bpo1\":{\"target\":10,\"max\":15,\"baseFeeUpdateFraction\":8346193},"
        + "\"bpo2\":{\"target\":14,\"max\":21,\"baseFeeUpdateFraction\":11684671}}", ""));
    assertEquals("Osaka", g.chainConfig().forkAt(99).name());
    assertEquals("BPO1", g.chainConfig().forkAt(100).name());
    assertEquals(Fork.OSAKA, g.chainConfig().forkAt(100).rules());
    assertEquals(new BlobSchedule(10, 15, 8_346_193), g.chainConfig().forkAt(150).blobs());
    assertEquals("BPO2", g.chainConfig().forkAt(200).name());
    assertEquals(new BlobSchedule(14, 21, 11_684_671), g.chainConfig().forkAt(200).blobs());
  }

  @Test
  void theHeaderTakesTheFilesNonceAndDifficultyAsGethDoes() throws Exception {
    Genesis g = Genesis.parse(genesis("", ",\"nonce\":\"0x1234\",\"difficulty\":\"0x1\""));
    BlockHeader header = g.header(g.state().rootHash());
    assertEquals("0000000000001234", HexFormat.of().formatHex(header.nonce()));
    assertEquals(UInt256.ONE, header.difficulty());
    BlockHeader defaults = Genesis.parse(genesis("", "")).header(g.state().rootHash());
    assertEquals("0000000000000000", HexFormat.of().formatHex(defaults.nonce()));
    assertEquals(UInt256.ZERO, defaults.difficulty());
  }

  @Test
  void missingGenesisFileIsReportedWithItsPath() {
    InvalidGenesisException e = assertThrows(InvalidGenesisException.class, () -> Genesis.load(Path.of("/nonexistent/g.json")));
    assertTrue(e.getMessage().contains("/nonexistent/g.json"));
  }
}
