package io.nativerollups.node.rpc.eth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ethereum.ckzg4844.CKZG4844JNI;
import com.fasterxml.jackson.databind.JsonNode;
import io.nativerollups.evm.tx.BlobSidecar;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.node.BlobTransactions;
import io.nativerollups.node.TestNode;
import io.nativerollups.node.genesis.Genesis;
import io.nativerollups.node.rpc.RpcHarness;
import io.nativerollups.node.rpc.json.Hex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Blob transactions through eth_sendRawTransaction across the EIP-7594 change: from Osaka a
 * one-proof-per-blob sidecar gets its cell proofs computed (as geth does); before Osaka a cell proof
 * sidecar is refused with the form wanted.
 */
class SendRawBlobTransactionTest {
  private static BlobSidecar blobProofs;
  private static BlobSidecar cellProofs;

  @BeforeAll
  static void sidecars() {
    blobProofs = BlobTransactions.sidecar(false, 7);
    cellProofs = BlobTransactions.sidecar(true, 7);
  }

  private static String raw(BlobSidecar sidecar) {
    return Hex.data(BlobTransactions.networkForm(BlobTransactions.transaction(0, sidecar, 1_000), sidecar));
  }

  /** The dev genesis with Osaka moved far after the test clock: Prague blocks. */
  private static Genesis prague() throws Exception {
    String dev = Files.readString(Path.of("..", "genesis", "l1-dev.json"));
    assertTrue(dev.contains("\"osakaTime\": 0"));
    return Genesis.parse(dev.replace("\"osakaTime\": 0", "\"osakaTime\": 1000000000"));
  }

  @Test
  void fromOsakaOneProofPerBlobIsConvertedToCellProofs() throws Exception {
    try (RpcHarness rpc = new RpcHarness()) {
      String hash = rpc.result("eth_sendRawTransaction", raw(blobProofs)).asText();
      BlobSidecar pooled = rpc.node.pool.sidecar(Hex.parseData(hash)).orElseThrow();
      assertTrue(pooled.cellProofs());
      assertEquals(cellProofs.proofs().size(), pooled.proofs().size());
      for (int i = 0; i < pooled.proofs().size(); i++) {
        assertTrue(Arrays.equals(cellProofs.proofs().get(i), pooled.proofs().get(i)), "cell proof " + i);
      }
      assertEquals(1, rpc.node.seal().transactions().size());
    }
  }

  @Test
  void fromOsakaCellProofsAreTakenAsSent() throws Exception {
    try (RpcHarness rpc = new RpcHarness()) {
      String hash = rpc.result("eth_sendRawTransaction", raw(cellProofs)).asText();
      assertTrue(rpc.node.pool.sidecar(Hex.parseData(hash)).orElseThrow().cellProofs());
    }
  }

  @Test
  void aBlobThatCannotBeConvertedIsRefused() throws Exception {
    byte[] overModulus = new byte[CKZG4844JNI.BYTES_PER_BLOB];
    Arrays.fill(overModulus, (byte) 0xff);
    BlobSidecar malformed = new BlobSidecar(List.of(overModulus), blobProofs.commitments(), blobProofs.proofs(), false);
    Transaction tx = BlobTransactions.transaction(0, blobProofs, 1_000);
    try (RpcHarness rpc = new RpcHarness()) {
      JsonNode error = rpc.error("eth_sendRawTransaction", Hex.data(BlobTransactions.networkForm(tx, malformed)));
      assertEquals(-32000, error.get("code").asInt());
      assertTrue(error.get("message").asText().startsWith("blob sidecar conversion failed: blob sidecar is malformed"),
          error::toString);
      assertEquals("0x0", rpc.result("txpool_status").get("pending").asText());
    }
  }

  @Test
  void beforeOsakaCellProofsAreRefusedAndOneProofPerBlobIsKept() throws Exception {
    try (RpcHarness rpc = new RpcHarness(prague())) {
      JsonNode error = rpc.error("eth_sendRawTransaction", raw(cellProofs));
      assertEquals(-32000, error.get("code").asInt());
      assertEquals("blob sidecar has cell proofs (EIP-7594), which Prague does not accept",
          error.get("message").asText());
      String hash = rpc.result("eth_sendRawTransaction", raw(blobProofs)).asText();
      assertFalse(rpc.node.pool.sidecar(Hex.parseData(hash)).orElseThrow().cellProofs());
      assertEquals(TestNode.SENDER.toHexString(), rpc.result("eth_getTransactionByHash", hash).get("from").asText());
    }
  }
}
