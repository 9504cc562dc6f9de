package io.nativerollups.node.rpc.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.nativerollups.evm.tx.BlobSidecar;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.tx.TransactionEncoder;
import io.nativerollups.node.BlobTransactions;
import io.nativerollups.node.TestNode;
import io.nativerollups.node.rpc.RpcHarness;
import io.nativerollups.node.rpc.json.Hex;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TestingMethodsTest {
  @RegisterExtension final RpcHarness rpc = new RpcHarness();
  private String parent;

  @BeforeEach
  void start() throws Exception {
    parent = Hex.data(rpc.node.chain.head().hash());
  }

  static Map<String, Object> attributes(long timestamp) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("timestamp", Hex.quantity(timestamp));
    a.put("prevRandao", "0x" + "00".repeat(32));
    a.put("suggestedFeeRecipient", "0x" + "00".repeat(20));
    a.put("withdrawals", List.of());
    a.put("parentBeaconBlockRoot", "0x" + "00".repeat(32));
    return a;
  }

  @Test
  void buildsExactlyTheGivenTransactionsWithoutTouchingTheChain() {
    Transaction t0 = TestNode.transfer(0, TestNode.ALICE, 1);
    Transaction t1 = TestNode.transfer(1, TestNode.ALICE, 2);
    List<String> raw = List.of(RpcHarness.raw(t0), RpcHarness.raw(t1));
    JsonNode built = rpc.result("testing_buildBlockV1", parent, attributes(5000), raw, "0xabcd");
    JsonNode payload = built.get("executionPayload");
    assertEquals(raw.get(0), payload.get("transactions").get(0).asText());
    assertEquals(raw.get(1), payload.get("transactions").get(1).asText());
    assertEquals("0xabcd", payload.get("extraData").asText());
    assertEquals("0x1", payload.get("blockNumber").asText());
    assertEquals(0, built.get("blobsBundle").get("blobs").size());
    assertFalse(built.get("shouldOverrideBuilder").asBoolean());
    assertEquals(Hex.data(rpc.node.chain.head().hash()), parent, "the head did not move");
    assertEquals(0, rpc.node.pool.pendingCount());
    // the block is valid as built: a chain imports it
    JsonNode status = importPayload(built);
    assertEquals("VALID", status.get("status").asText(), status.toString());
  }

  private JsonNode importPayload(JsonNode built) {
    return importPayload(built, List.of());
  }

  /** engine_newPayloadV4 of {@code built} with the blob versioned hashes its blob transactions carry. */
  private JsonNode importPayload(JsonNode built, List<String> versionedHashes) {
    var engine = io.nativerollups.node.rpc.RpcMethods.engine(rpc.services, rpc.methods);
    var processor = new io.nativerollups.node.rpc.JsonRpcProcessor(engine, 10);
    var request = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    request.put("id", 1).put("method", "engine_newPayloadV4");
    var params = request.putArray("params");
    params.add(built.get("executionPayload"));
    var hashes = params.addArray();
    versionedHashes.forEach(hashes::add);
    params.add("0x" + "00".repeat(32));
    params.add(built.get("executionRequests"));
    try {
      return io.nativerollups.node.rpc.JsonRpcProcessor.MAPPER.readTree(
          processor.process(io.nativerollups.node.rpc.JsonRpcProcessor.write(request).getBytes(), null)).get("result");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void emptyListBuildsAnEmptyBlockAndNullTakesThePool() {
    rpc.sendRaw(TestNode.transfer(0, TestNode.ALICE, 1));
    assertEquals(0, rpc.result("testing_buildBlockV1", parent, attributes(5000), List.of())
        .get("executionPayload").get("transactions").size());
    Object[] params = {parent, attributes(5000), null};
    assertEquals(1, rpc.result("testing_buildBlockV1", params).get("executionPayload").get("transactions").size());
  }

  @Test
  void aBlobTransactionInItsNetworkFormIsBuiltWithItsBundle() {
    BlobSidecar sidecar = BlobTransactions.sidecar(true, 1);
    Transaction tx = BlobTransactions.transaction(0, sidecar, 1_000);
    JsonNode built = rpc.result("testing_buildBlockV1", parent, attributes(5000),
        List.of(Hex.data(BlobTransactions.networkForm(tx, sidecar))));
    assertEquals(Hex.data(TransactionEncoder.encode(tx)),
        built.get("executionPayload").get("transactions").get(0).asText());
    assertEquals(Hex.quantity(131_072), built.get("executionPayload").get("blobGasUsed").asText());
    assertEquals(Hex.data(sidecar.blobs().get(0)), built.get("blobsBundle").get("blobs").get(0).asText());
    assertEquals(BlobSidecar.CELLS_PER_EXT_BLOB, built.get("blobsBundle").get("proofs").size());
    JsonNode status = importPayload(built, List.of(Hex.data(tx.blobVersionedHashes().get(0))));
    assertEquals("VALID", status.get("status").asText(), status.toString());
    JsonNode canonicalOnly = rpc.error("testing_buildBlockV1", parent, attributes(5000),
        List.of(RpcHarness.raw(tx)));
    assertEquals(-32602, canonicalOnly.get("code").asInt());
    assertTrue(canonicalOnly.get("message").asText().contains("blob transaction without its sidecar"), canonicalOnly.toString());
  }

  @Test
  void anInvalidOrMalformedRequestIsAnError() {
    Transaction gap = TestNode.transfer(5, TestNode.ALICE, 1);
    assertEquals(-32000, rpc.error("testing_buildBlockV1", parent, attributes(5000),
        List.of(RpcHarness.raw(gap))).get("code").asInt());
    assertEquals(-32602, rpc.error("testing_buildBlockV1", parent, attributes(5000), List.of("0x02")).get("code").asInt());
    assertEquals(-32602, rpc.error("testing_buildBlockV1", "0x" + "11".repeat(32), attributes(5000), List.of()).get("code").asInt());
    assertEquals(-32602, rpc.error("testing_buildBlockV1", parent, attributes(0), List.of()).get("code").asInt());
    assertEquals(-32602, rpc.error("testing_buildBlockV1", parent, attributes(5000)).get("code").asInt());
    assertEquals(-32602, rpc.error("testing_buildBlockV1", parent, attributes(5000), List.of(), "0x" + "00".repeat(33)).get("code").asInt());
    Map<String, Object> extra = attributes(5000);
    extra.put("unexpected", 1);
    assertEquals(-32602, rpc.error("testing_buildBlockV1", parent, extra, List.of()).get("code").asInt());
    assertArrayEquals(Hex.parseData(parent), rpc.node.chain.head().hash());
  }
}
