package io.nativerollups.node.rpc.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.tx.BlobSidecar;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.tx.TransactionEncoder;
import io.nativerollups.evm.tx.TransactionHasher;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.node.BlobTransactions;
import io.nativerollups.node.mining.BuiltPayload;
import io.nativerollups.node.rpc.JsonRpcException;
import io.nativerollups.node.rpc.RpcHarness;
import io.nativerollups.node.rpc.json.Hex;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Blob transactions sent over eth_sendRawTransaction and handed out in engine_getPayload's blobsBundle. */
class EngineBlobsBundleTest {
  private EngineHarness engine;
  private RpcHarness rpc;

  @BeforeEach
  void start() throws Exception {
    engine = new EngineHarness();
    rpc = engine.rpc;
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  @Test
  void getPayloadV5ReturnsTheCellProofBundleAndTheBlockOnlyTheCanonicalForm() {
    BlobSidecar sidecar = BlobTransactions.sidecar(true, 1);
    Transaction tx = BlobTransactions.transaction(0, sidecar, 1_000);
    String hash = rpc.result("eth_sendRawTransaction", Hex.data(BlobTransactions.networkForm(tx, sidecar))).asText();
    assertEquals(Hex.data(TransactionHasher.hash(tx)), hash);

    JsonNode pooled = rpc.result("eth_getTransactionByHash", hash);
    assertEquals("0x3", pooled.get("type").asText());
    assertEquals("0x3e8", pooled.get("maxFeePerBlobGas").asText());
    assertEquals(Hex.data(tx.blobVersionedHashes().get(0)), pooled.get("blobVersionedHashes").get(0).asText());

    Map<String, Object> attrs = EngineHarness.attributes(2000);
    attrs.put("withdrawals", List.of());
    String id = engine.result("engine_forkchoiceUpdatedV3",
        EngineHarness.forkchoice(engine.head(), EngineHarness.ZERO, EngineHarness.ZERO), attrs).get("payloadId").asText();
    JsonNode built = engine.result("engine_getPayloadV5", id);

    JsonNode payload = built.get("executionPayload");
    assertEquals(Hex.data(TransactionEncoder.encode(tx)), payload.get("transactions").get(0).asText());
    assertEquals(Hex.quantity(131_072), payload.get("blobGasUsed").asText());
    JsonNode bundle = built.get("blobsBundle");
    assertEquals(List.of(Hex.data(sidecar.commitments().get(0))), texts(bundle.get("commitments")));
    assertEquals(List.of(Hex.data(sidecar.blobs().get(0))), texts(bundle.get("blobs")));
    assertEquals(BlobSidecar.CELLS_PER_EXT_BLOB, bundle.get("proofs").size());
    assertEquals(sidecar.proofs().stream().map(Hex::data).toList(), texts(bundle.get("proofs")));
  }

  @Test
  void v4BundleHasOneProofPerBlobInBlockOrder() {
    BlobSidecar first = BlobTransactions.sidecar(false, 1, 2);
    BlobSidecar second = BlobTransactions.sidecar(false, 3);
    Block block = Block.of(rpc.node.chain.head(), List.of(BlobTransactions.transaction(0, first, 1),
        BlobTransactions.transaction(1, second, 1)), List.of());
    JsonNode bundle = EngineMethods.payloadResponse(new BuiltPayload(block, UInt256.ZERO, List.of(),
        List.of(first, second))).get("blobsBundle");
    assertEquals(List.of(Hex.data(first.commitments().get(0)), Hex.data(first.commitments().get(1)),
        Hex.data(second.commitments().get(0))), texts(bundle.get("commitments")));
    assertEquals(List.of(Hex.data(first.proofs().get(0)), Hex.data(first.proofs().get(1)),
        Hex.data(second.proofs().get(0))), texts(bundle.get("proofs")));
    assertEquals(List.of(Hex.data(first.blobs().get(0)), Hex.data(first.blobs().get(1)),
        Hex.data(second.blobs().get(0))), texts(bundle.get("blobs")));
  }

  @Test
  void aBlobTransactionWithoutKnownSidecarCannotBeHandedOut() {
    BlobSidecar sidecar = BlobTransactions.sidecar(false, 1);
    Block block = Block.of(rpc.node.chain.head(), List.of(BlobTransactions.transaction(0, sidecar, 1)), List.of());
    JsonRpcException e = assertThrows(JsonRpcException.class,
        () -> EngineMethods.payloadResponse(new BuiltPayload(block, UInt256.ZERO, List.of())));
    assertTrue(e.getMessage().contains("1 blob transactions but 0 known sidecars"), e.getMessage());
  }

  @Test
  void aBlobTransactionWithAForgedProofIsRefusedOverRpc() {
    BlobSidecar sidecar = BlobTransactions.sidecar(true, 1);
    List<byte[]> proofs = new ArrayList<>(sidecar.proofs());
    Collections.swap(proofs, 0, 1);
    BlobSidecar forged = new BlobSidecar(sidecar.blobs(), sidecar.commitments(), proofs, true);
    JsonNode error = rpc.error("eth_sendRawTransaction",
        Hex.data(BlobTransactions.networkForm(BlobTransactions.transaction(0, sidecar, 1_000), forged)));
    assertTrue(error.get("message").asText().startsWith("invalid blob sidecar: KZG proofs do not verify"), error.toString());
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
