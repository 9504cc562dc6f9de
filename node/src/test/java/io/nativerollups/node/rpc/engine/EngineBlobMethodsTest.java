package io.nativerollups.node.rpc.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.nativerollups.evm.crypto.Kzg;
import io.nativerollups.evm.tx.BlobSidecar;
import io.nativerollups.node.BlobTransactions;
import io.nativerollups.node.rpc.json.Hex;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** engine_getBlobsV1/V2/V3 serving the blobs of pooled blob transactions. */
class EngineBlobMethodsTest {
  private static final String UNKNOWN = "0x01" + "77".repeat(31);

  /** Pools one blob transaction with {@code sidecar} and returns the versioned hashes of its blobs. */
  private static List<String> pool(EngineHarness engine, BlobSidecar sidecar) {
    engine.rpc.result("eth_sendRawTransaction",
        Hex.data(BlobTransactions.networkForm(BlobTransactions.transaction(0, sidecar, 1_000), sidecar)));
    List<String> hashes = new ArrayList<>();
    sidecar.commitments().forEach(c -> hashes.add(Hex.data(Kzg.versionedHash(c))));
    return hashes;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void onOsakaV2AndV3AnswerEachBlobWithItsCellProofsAndV1IsUnsupported() throws Exception {
    try (EngineHarness engine = new EngineHarness()) {
      BlobSidecar sidecar = BlobTransactions.sidecar(true, 1, 2);
      List<String> hashes = pool(engine, sidecar);
      JsonNode blobs = engine.result("engine_getBlobsV2", List.of(hashes.get(1), hashes.get(0)));
      assertEquals(2, blobs.size());
      assertEquals(Hex.data(sidecar.blobs().get(1)), blobs.get(0).get("blob").asText());
      assertEquals(sidecar.proofs().subList(BlobSidecar.CELLS_PER_EXT_BLOB, 2 * BlobSidecar.CELLS_PER_EXT_BLOB)
          .stream().map(Hex::data).toList(), texts(blobs.get(0).get("proofs")));
      assertEquals(Hex.data(sidecar.blobs().get(0)), blobs.get(1).get("blob").asText());
      assertEquals(sidecar.proofs().subList(0, BlobSidecar.CELLS_PER_EXT_BLOB).stream().map(Hex::data).toList(),
          texts(blobs.get(1).get("proofs")));

      assertTrue(engine.result("engine_getBlobsV2", List.of(hashes.get(0), UNKNOWN)).isNull(), "all or nothing");
      assertEquals(0, engine.result("engine_getBlobsV2", List.of()).size());
      JsonNode partial = engine.result("engine_getBlobsV3", List.of(UNKNOWN, hashes.get(0)));
      assertEquals(2, partial.size());
      assertTrue(partial.get(0).isNull());
      assertEquals(Hex.data(sidecar.blobs().get(0)), partial.get(1).get("blob").asText());

      assertEquals(-38005, engine.errorCode("engine_getBlobsV1", List.of(hashes.get(0))));
    }
  }

  @Test
  void blobsLeaveWithTheirTransactionWhenItIsIncluded() throws Exception {
    try (EngineHarness engine = new EngineHarness()) {
      List<String> hashes = pool(engine, BlobTransactions.sidecar(true, 3));
      assertEquals(1, engine.result("engine_getBlobsV2", hashes).size());
      engine.rpc.node.seal();
      assertTrue(engine.result("engine_getBlobsV2", hashes).isNull());
      assertTrue(engine.result("engine_getBlobsV3", hashes).get(0).isNull());
    }
  }

  @Test
  void beforeOsakaV1AnswersTheBlobProofAndV2HasNoCellProofsToGive() throws Exception {
    try (EngineHarness engine = new EngineHarness(EngineHarness.devGenesisWith("osakaTime", 1_000_000))) {
      BlobSidecar sidecar = BlobTransactions.sidecar(false, 4);
      List<String> hashes = pool(engine, sidecar);
      JsonNode blobs = engine.result("engine_getBlobsV1", List.of(UNKNOWN, hashes.get(0)));
      assertTrue(blobs.get(0).isNull());
      assertEquals(Hex.data(sidecar.blobs().get(0)), blobs.get(1).get("blob").asText());
      assertEquals(Hex.data(sidecar.proofs().get(0)), blobs.get(1).get("proof").asText());
      assertTrue(engine.result("engine_getBlobsV2", hashes).isNull(), "an older version blob");
      assertTrue(engine.result("engine_getBlobsV3", hashes).get(0).isNull());
    }
  }

  @Test
  void badRequestsAreRefused() throws Exception {
    try (EngineHarness engine = new EngineHarness(EngineHarness.devGenesisWith("osakaTime", 1_000_000))) {
      List<String> tooMany = Collections.nCopies(EngineBlobMethods.MAX_REQUEST + 1, UNKNOWN);
      List<String> most = Collections.nCopies(EngineBlobMethods.MAX_REQUEST, UNKNOWN);
      for (String method : List.of("engine_getBlobsV1", "engine_getBlobsV2", "engine_getBlobsV3")) {
        assertEquals(-38004, engine.errorCode(method, tooMany), method);
        assertTrue(engine.call(method, most).has("result"), method);
        assertEquals(-32602, engine.errorCode(method, List.of("0x01")), method);
        assertEquals(-32602, engine.errorCode(method, UNKNOWN), method);
        assertEquals(-32602, engine.errorCode(method), method);
        assertEquals(-32602, engine.errorCode(method, List.of(UNKNOWN), List.of(UNKNOWN)), method);
      }
    }
  }
}
