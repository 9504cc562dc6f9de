package io.nativerollups.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.web3j.protocol.core.DefaultBlockParameterName.LATEST;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * A second node, not producing blocks itself, imports the first one's blocks through the Engine
 * API (as a consensus client would hand them over) and ends at the same head and state root.
 */
@ExtendWith(PrintNodeLogsOnFailure.class)
class EngineApiImportIT {
  private static final byte[] JWT_SECRET = HexFormat.of().parseHex("5e".repeat(32));
  private static NodeProcess producer;
  private static NodeProcess follower;
  private static NodeClient producerClient;
  private static NodeClient followerClient;
  private static EngineApi followerEngine;
  private static final List<TransactionReceipt> RECEIPTS = new ArrayList<>();
  private static String contract;

  @BeforeAll
  static void startNodesAndProduceBlocks() {
    producer = NodeProcess.builder("engine-producer").inMemory().start();
    follower = NodeProcess.builder("engine-follower").inMemory().engineDriven().jwtSecret(JWT_SECRET).start();
    producerClient = new NodeClient(producer);
    followerClient = new NodeClient(follower);
    followerEngine = new EngineApi(follower.engineUrl(), JWT_SECRET);

    Credentials alice = DevAccounts.ALICE;
    RECEIPTS.add(producerClient.awaitReceipt(producerClient.sendRaw(Transactions.legacy(
        alice, producerClient.pendingNonce(alice.getAddress()), DevAccounts.BOB.getAddress(), BigInteger.TEN))));
    TransactionReceipt deployed = producerClient.awaitReceipt(producerClient.sendRaw(Transactions.eip1559(alice,
        producerClient.pendingNonce(alice.getAddress()), BigInteger.valueOf(1_000_000), null, BigInteger.ZERO,
        KeyValueStore.bytecode(), Transactions.PRIORITY_FEE, Transactions.MAX_FEE)));
    RECEIPTS.add(deployed);
    contract = deployed.getContractAddress();
    Credentials carol = DevAccounts.CAROL;
    RECEIPTS.add(producerClient.awaitReceipt(producerClient.sendRaw(Transactions.eip1559(carol,
        producerClient.pendingNonce(carol.getAddress()), BigInteger.valueOf(200_000), contract, BigInteger.ZERO,
        KeyValueStore.set(1, 2), Transactions.PRIORITY_FEE, Transactions.MAX_FEE))));
    Credentials delegating = DevAccounts.random();
    RECEIPTS.add(producerClient.awaitReceipt(producerClient.sendRaw(Transactions.setCode(DevAccounts.BOB,
        producerClient.pendingNonce(DevAccounts.BOB.getAddress()), delegating.getAddress(), BigInteger.ZERO,
        KeyValueStore.set(3, 4), BigInteger.valueOf(200_000), List.of(Transactions.authorization(delegating, contract, BigInteger.ZERO))))));
    RECEIPTS.forEach(r -> assertTrue(r.isStatusOK(), "setup transaction " + r.getTransactionHash()));
  }

  @AfterAll
  static void stopNodes() {
    NodeProcess.shutDown(producerClient, producer);
    NodeProcess.shutDown(followerClient, follower);
  }

  @Test
  void followerImportsEveryBlockAndReachesTheSameHeadAndState() {
    assertEquals(producerClient.block(0).getHash(), followerClient.block(0).getHash(), "same genesis");
    long head = producerClient.blockNumber();
    assertTrue(head >= RECEIPTS.size(), "the producer sealed the setup transactions: head " + head);

    List<JsonNode> transactions = new ArrayList<>();
    for (long n = 1; n <= head; n++) {
      EngineApi.Payload payload = EngineApi.payloadOf(producer.rpc(), n);
      transactions.add(payload.executionPayload().get("transactions"));
      String hash = payload.executionPayload().get("blockHash").asText();
      JsonNode status = followerEngine.newPayload(payload);
      assertEquals("VALID", status.get("status").asText(), "block " + n + ": " + status);
      assertEquals(hash, status.get("latestValidHash").asText());
      JsonNode forkchoice = followerEngine.forkchoiceUpdated(hash);
      assertEquals("VALID", forkchoice.get("payloadStatus").get("status").asText(), "forkchoice " + n + ": " + forkchoice);
    }

    JsonNode bodies = followerEngine.call("engine_getPayloadBodiesByRangeV1", "0x1", "0x" + Long.toHexString(head + 5));
    assertEquals(head, bodies.size(), "the imported blocks' bodies, none past the head");
    for (int i = 0; i < head; i++) {
      assertEquals(transactions.get(i), bodies.get(i).get("transactions"), "body of block " + (i + 1));
    }

    EthBlock.Block producerHead = producerClient.block(head);
    EthBlock.Block followerHead = followerClient.latestBlock();
    assertEquals(producerHead.getHash(), followerHead.getHash());
    assertEquals(producerHead.getStateRoot(), followerHead.getStateRoot());
    for (String account : List.of(DevAccounts.ALICE.getAddress(), DevAccounts.BOB.getAddress(),
        DevAccounts.CAROL.getAddress(), contract)) {
      assertEquals(producerClient.balance(account, LATEST), followerClient.balance(account, LATEST), account);
      assertEquals(producerClient.code(account, LATEST), followerClient.code(account, LATEST), account);
    }
    for (TransactionReceipt mined : RECEIPTS) {
      TransactionReceipt imported = followerClient.awaitReceipt(mined.getTransactionHash());
      assertEquals(mined.getBlockHash(), imported.getBlockHash());
      assertEquals(mined.getGasUsed(), imported.getGasUsed());
      assertEquals(mined.getLogs(), imported.getLogs());
    }
  }

  @Test
  void theConsensusClientsHandshakeCallsAreAnswered() {
    JsonNode capabilities = followerEngine.call("engine_exchangeCapabilities", List.of("engine_newPayloadV4"));
    List<String> listed = new ArrayList<>();
    capabilities.forEach(c -> listed.add(c.asText()));
    assertTrue(listed.containsAll(List.of("engine_newPayloadV4", "engine_forkchoiceUpdatedV3", "engine_getPayloadV5",
        "engine_getBlobsV2", "engine_getClientVersionV1")), listed.toString());
    JsonNode versions = followerEngine.call("engine_getClientVersionV1",
        Map.of("code", "LH", "name", "Lighthouse", "version", "v7.1.0", "commit", "0xfa4ff922"));
    assertEquals(1, versions.size());
    assertEquals("native-rollups", versions.get(0).get("name").asText());
    assertTrue(followerEngine.call("engine_getBlobsV2", List.of("0x01" + "00".repeat(31))).isNull(), "no such blob");
  }

  @Test
  void payloadWithAWrongBlockHashIsInvalidAndNotImported() {
    long head = producerClient.blockNumber();
    String followerHeadBefore = followerClient.latestBlock().getHash();
    EngineApi.Payload payload = EngineApi.payloadOf(producer.rpc(), head);
    payload.executionPayload().put("stateRoot", "0x" + "11".repeat(32)); // no longer hashes to blockHash
    JsonNode status = followerEngine.newPayload(payload);
    // Since Shanghai a block hash mismatch is reported as INVALID (INVALID_BLOCK_HASH is gone).
    assertEquals("INVALID", status.get("status").asText(), status.toString());
    assertEquals(followerHeadBefore, followerClient.latestBlock().getHash());
  }
}
