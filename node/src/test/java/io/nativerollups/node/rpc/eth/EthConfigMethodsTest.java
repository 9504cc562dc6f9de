package io.nativerollups.node.rpc.eth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nativerollups.evm.block.BlobSchedule;
import io.nativerollups.evm.block.BlockExtension;
import io.nativerollups.evm.block.BlockProcessor;
import io.nativerollups.evm.block.ForkActivation;
import io.nativerollups.evm.fork.Fork;
import io.nativerollups.node.chain.DefaultBlockchain;
import io.nativerollups.node.genesis.Genesis;
import io.nativerollups.node.rpc.JsonRpcProcessor;
import io.nativerollups.node.rpc.RpcHarness;
import io.nativerollups.node.rpc.RpcMethodRegistry;
import io.nativerollups.node.rpc.RpcParams;
import io.nativerollups.node.storage.InMemoryKeyValueStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class EthConfigMethodsTest {
  private static final byte[] HOODI_GENESIS =
      HexFormat.of().parseHex("bbe312868b376a3001692a646dd2d7d1e4406380dfd86b98aa8a34d1557c971b");

  @Test
  void forkHashFollowsTheEipVectors() {
    // EIP-7910's Hoodi samples: Cancun at genesis (not a fork), Prague at 1742999832
    List<ForkActivation> hoodi = List.of(new ForkActivation("Cancun", Fork.CANCUN, 0, BlobSchedule.CANCUN),
        new ForkActivation("Prague", Fork.PRAGUE, 1742999832L, BlobSchedule.PRAGUE));
    assertEquals(0xbef71d30L, EthConfigMethods.forkHash(HOODI_GENESIS, 1742212800L, hoodi, 0));
    assertEquals(0x0929e24eL, EthConfigMethods.forkHash(HOODI_GENESIS, 1742212800L, hoodi, 1742999832L));
    // EIP-6122's example: two forks after genesis, each checksummed once and in order
    byte[] mainnet = HexFormat.of().parseHex("d4e56740f876aef8c010b86a40d5f56745a118d0906a34e69aec8c0db1cb8fa3");
    List<ForkActivation> two = List.of(new ForkActivation("Cancun", Fork.CANCUN, 0, BlobSchedule.CANCUN),
        new ForkActivation("Prague", Fork.PRAGUE, 1150000, BlobSchedule.PRAGUE),
        new ForkActivation("Osaka", Fork.OSAKA, 1668000000L, BlobSchedule.PRAGUE),
        new ForkActivation("Osaka", Fork.OSAKA, 1668000000L, BlobSchedule.PRAGUE));
    assertEquals(0xfc64ec04L, EthConfigMethods.forkHash(mainnet, 0, two, 0));
    assertEquals(0xcb37b2eeL, EthConfigMethods.forkHash(mainnet, 0, two, 1668000000L));
  }

  @Test
  void devGenesisIsOsakaWithNothingScheduled() throws Exception {
    try (RpcHarness rpc = new RpcHarness()) {
      JsonNode config = rpc.result("eth_config");
      assertTrue(config.get("next").isNull());
      assertTrue(config.get("last").isNull());
      JsonNode current = config.get("current");
      assertEquals(List.of("activationTime", "blobSchedule", "chainId", "forkId", "precompiles", "systemContracts"),
          names(current));
      assertEquals(0, current.get("activationTime").asLong());
      assertTrue(current.get("activationTime").isNumber());
      assertEquals("0x539", current.get("chainId").asText());
      CRC32 crc = new CRC32();
      crc.update(rpc.node.chain.headerByNumber(0).orElseThrow().hash());
      assertEquals(String.format("0x%08x", crc.getValue()), current.get("forkId").asText());
      assertEquals(9, current.get("blobSchedule").get("max").asInt());
      assertEquals(6, current.get("blobSchedule").get("target").asInt());
      assertEquals(5007716, current.get("blobSchedule").get("baseFeeUpdateFraction").asInt());
      JsonNode precompiles = current.get("precompiles");
      assertEquals(18, precompiles.size());
      assertEquals("0x0000000000000000000000000000000000000001", precompiles.get("ECREC").asText());
      assertEquals("0x0000000000000000000000000000000000000004", precompiles.get("ID").asText());
      assertEquals("0x0000000000000000000000000000000000000008", precompiles.get("BN254_PAIRING").asText());
      assertEquals("0x000000000000000000000000000000000000000a", precompiles.get("KZG_POINT_EVALUATION").asText());
      assertEquals("0x0000000000000000000000000000000000000100", precompiles.get("P256VERIFY").asText());
      List<String> sorted = new ArrayList<>(names(precompiles));
      sorted.sort(null);
      assertEquals(sorted, names(precompiles), "members in alphabetical order");
      JsonNode system = current.get("systemContracts");
      assertEquals(List.of("BEACON_ROOTS_ADDRESS", "CONSOLIDATION_REQUEST_PREDEPLOY_ADDRESS", "DEPOSIT_CONTRACT_ADDRESS",
          "HISTORY_STORAGE_ADDRESS", "WITHDRAWAL_REQUEST_PREDEPLOY_ADDRESS"), names(system));
      assertEquals("0x000f3df6d732807ef1319fb7b8bb8522d0beac02", system.get("BEACON_ROOTS_ADDRESS").asText());
      assertEquals(-32602, rpc.error("eth_config", "latest").get("code").asInt());
    }
  }

  @Test
  void scheduledForkIsNextAndLastWithItsOwnForkIdAndPrecompiles() throws Exception {
    ObjectNode json = (ObjectNode) JsonRpcProcessor.MAPPER.readTree(Files.readString(Path.of("..", "genesis", "l1-dev.json")));
    ((ObjectNode) json.get("config")).put("osakaTime", 5_000_000_000L);
    Genesis genesis = Genesis.parse(JsonRpcProcessor.MAPPER.writeValueAsString(json));
    try (InMemoryKeyValueStorage storage = new InMemoryKeyValueStorage()) {
      DefaultBlockchain chain = new DefaultBlockchain(storage, genesis, new BlockProcessor(genesis.chainConfig()));
      RpcMethodRegistry registry = new RpcMethodRegistry();
      new EthConfigMethods(chain, new TransactionProcessors(genesis.chainConfig(), BlockExtension.NONE)).registerTo(registry);
      JsonNode config = JsonRpcProcessor.MAPPER.valueToTree(registry.get("eth_config").handle(new RpcParams("eth_config", null, null)));
      JsonNode current = config.get("current");
      JsonNode next = config.get("next");
      assertEquals(next, config.get("last"));
      assertEquals(0, current.get("activationTime").asLong());
      assertEquals(5_000_000_000L, next.get("activationTime").asLong());
      assertEquals(17, current.get("precompiles").size(), "Prague has no P256VERIFY");
      assertTrue(next.get("precompiles").has("P256VERIFY"));
      byte[] genesisHash = chain.headerByNumber(0).orElseThrow().hash();
      CRC32 crc = new CRC32();
      crc.update(genesisHash);
      assertEquals(String.format("0x%08x", crc.getValue()), current.get("forkId").asText());
      crc.update(java.nio.ByteBuffer.allocate(8).putLong(5_000_000_000L).array());
      assertEquals(String.format("0x%08x", crc.getValue()), next.get("forkId").asText());
    }
  }

  private static List<String> names(JsonNode o) {
    List<String> names = new ArrayList<>();
    o.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
