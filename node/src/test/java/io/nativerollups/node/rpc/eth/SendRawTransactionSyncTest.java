package io.nativerollups.node.rpc.eth;

import static io.nativerollups.node.rpc.RpcHarness.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.tx.TransactionHasher;
import io.nativerollups.node.TestNode;
import io.nativerollups.node.rpc.RpcHarness;
import io.nativerollups.node.rpc.json.Hex;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** EIP-7966 eth_sendRawTransactionSync: the receipt once sealed, error 4 on timeout, error 6 for a nonce gap. */
class SendRawTransactionSyncTest {
  @RegisterExtension final RpcHarness rpc = new RpcHarness();
  private ExecutorService sealer;

  @BeforeEach
  void start() throws Exception {
    sealer = Executors.newSingleThreadExecutor();
  }

  @AfterEach
  void stop() throws InterruptedException {
    sealer.shutdown();
    assertTrue(sealer.awaitTermination(10, TimeUnit.SECONDS), "sealing finishes before the node closes");
  }

  private static String raw(Transaction tx) {
    return RpcHarness.raw(tx);
  }

  /** Seals a block as soon as a transaction is pooled, as dev mode with block time 0 does. */
  private void sealOnArrival() {
    rpc.node.pool.addListener(tx -> sealer.execute(rpc.node::seal));
  }

  @Test
  void answersTheReceiptOnceTheTransactionIsIncluded() {
    sealOnArrival();
    Transaction tx = TestNode.transfer(0, TestNode.ALICE, 5);
    JsonNode receipt = rpc.result("eth_sendRawTransactionSync", raw(tx), 5_000);
    assertEquals(Hex.data(TransactionHasher.hash(tx)), receipt.get("transactionHash").asText());
    assertEquals("0x1", receipt.get("status").asText());
    assertEquals("0x1", receipt.get("blockNumber").asText());
    assertEquals(receipt, rpc.result("eth_getTransactionReceipt", receipt.get("transactionHash").asText()));
    JsonNode withHexTimeout = rpc.result("eth_sendRawTransactionSync", raw(TestNode.transfer(1, TestNode.ALICE, 5)), "0x1388");
    assertEquals("0x2", withHexTimeout.get("blockNumber").asText());
    JsonNode withDefaultTimeout = rpc.result("eth_sendRawTransactionSync", raw(TestNode.transfer(2, TestNode.ALICE, 5)));
    assertEquals("0x3", withDefaultTimeout.get("blockNumber").asText());
  }

  @Test
  void timeoutIsErrorFourWithTheHashAndTheTransactionStaysPooled() {
    Transaction tx = TestNode.transfer(0, TestNode.ALICE, 5);
    JsonNode error = rpc.error("eth_sendRawTransactionSync", raw(tx), 50);
    assertEquals(EthTransactionMethods.SYNC_TIMEOUT, error.get("code").asInt());
    assertEquals("The transaction was added to the mempool but wasn't processed within the designated timeout interval.",
        error.get("message").asText());
    assertEquals(Hex.data(TransactionHasher.hash(tx)), error.get("data").asText());
    assertEquals("0x1", rpc.result("txpool_status").get("pending").asText());
  }

  @Test
  void aTimeoutOfZeroOrAboveTheMaximumWaitsTheDefault() {
    long[] timeouts = {0, EthTransactionMethods.MAX_SYNC_TIMEOUT_MILLIS + 1};
    for (int i = 0; i < timeouts.length; i++) {
      long start = System.nanoTime();
      JsonNode error = rpc.error("eth_sendRawTransactionSync", raw(TestNode.transfer(i, TestNode.ALICE, 5)), timeouts[i]);
      long waitedMillis = (System.nanoTime() - start) / 1_000_000;
      assertEquals(EthTransactionMethods.SYNC_TIMEOUT, error.get("code").asInt());
      assertTrue(waitedMillis >= EthTransactionMethods.DEFAULT_SYNC_TIMEOUT_MILLIS
          && waitedMillis < EthTransactionMethods.MAX_SYNC_TIMEOUT_MILLIS, () -> "waited " + waitedMillis + " ms");
    }
  }

  @Test
  void aNonceGapIsErrorSixWithTheExpectedNonceAndNothingIsPooled() {
    JsonNode error = rpc.error("eth_sendRawTransactionSync", raw(TestNode.transfer(2, TestNode.ALICE, 5)), 50);
    assertEquals(EthTransactionMethods.SYNC_NONCE_GAP, error.get("code").asInt());
    assertEquals("The transaction was rejected due to a nonce gap. Please resubmit with the next on-chain nonce.",
        error.get("message").asText());
    assertEquals("0x0", error.get("data").asText());
    assertEquals("0x0", rpc.result("txpool_status").get("queued").asText());
    rpc.sendRaw(TestNode.transfer(0, TestNode.ALICE, 5));
    assertEquals("0x1", rpc.error("eth_sendRawTransactionSync", raw(TestNode.transfer(2, TestNode.ALICE, 5)), 50)
        .get("data").asText(), "the pool's pending nonce is the next one expected");
  }

  @Test
  void aRejectedTransactionIsAnsweredAtOnceAsByEthSendRawTransaction() {
    Transaction tx = TestNode.transfer(0, TestNode.ALICE, 5);
    rpc.sendRaw(tx);
    JsonNode known = rpc.error("eth_sendRawTransactionSync", raw(tx), 60_000);
    assertEquals(-32000, known.get("code").asInt());
    assertEquals("already known", known.get("message").asText());
    JsonNode tooExpensive = rpc.error("eth_sendRawTransactionSync",
        raw(TestNode.eip1559(TestNode.KEY2, 0, TestNode.ALICE, 5, 2, 1L << 62, 16_000_000)), 60_000);
    assertEquals(-32000, tooExpensive.get("code").asInt());
    assertTrue(tooExpensive.get("message").asText().startsWith("insufficient funds for gas * price + value"));
    assertEquals(-32000, rpc.error("eth_sendRawTransactionSync", "0x02c0").get("code").asInt());
  }

  @Test
  void badParameters() {
    String tx = raw(TestNode.transfer(0, TestNode.ALICE, 5));
    assertInvalidParams("missing value for required argument 0");
    assertInvalidParams("invalid argument 0: ", "0x0");
    assertInvalidParams("invalid argument 0: ", 5);
    for (Object timeout : List.of("soon", -1, true, 1.5, "0x", List.of(), "0x10000000000000000")) {
      assertInvalidParams("invalid argument 1: ", tx, timeout);
    }
    assertInvalidParams("too many arguments, want at most 2", tx, 10, 10);
    assertEquals("0x0", rpc.result("txpool_status").get("pending").asText(), "nothing pooled from a bad request");
  }

  private void assertInvalidParams(String messageStart, Object... params) {
    JsonNode error = rpc.error("eth_sendRawTransactionSync", params);
    assertEquals(-32602, error.get("code").asInt(), error::toString);
    assertTrue(error.get("message").asText().startsWith(messageStart), error::toString);
  }
}
