package io.nativerollups.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.utils.Numeric;

/**
 * Malformed requests and transactions the node must refuse with a proper JSON-RPC error, after
 * each of which it still serves requests and mines valid transactions.
 */
@ExtendWith(PrintNodeLogsOnFailure.class)
class BadInputIT {
  private static NodeProcess node;
  private static NodeClient client;
  private static JsonRpc rpc;

  @BeforeAll
  static void startNode() {
    node = NodeProcess.builder("bad-input").inMemory().start();
    client = new NodeClient(node);
    rpc = node.rpc();
  }

  @AfterAll
  static void stopNode() {
    NodeProcess.shutDown(client, node);
  }

  @AfterEach
  void nodeStillServes() {
    assertTrue(node.isAlive(), "node process exited");
    assertEquals("0x" + Long.toHexString(DevAccounts.CHAIN_ID), rpc.call("eth_chainId").asText());
  }

  @Test
  void malformedJsonIsAParseError() {
    JsonNode answer = rpc.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"").json();
    assertError(answer, -32700);
    assertTrue(answer.get("id").isNull(), "no id can be read from unparseable JSON: " + answer);
  }

  @Test
  void requestWithoutMethodIsInvalid() {
    assertError(rpc.post("{\"jsonrpc\":\"2.0\",\"id\":7,\"params\":[]}").json(), -32600);
    assertError(rpc.post("\"eth_chainId\"").json(), -32600);
  }

  @Test
  void emptyBatchIsInvalid() {
    assertError(rpc.post("[]").json(), -32600);
  }

  @Test
  void batchAnswersEachRequestByItsId() {
    JsonNode answers = rpc.post("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]},"
        + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"no_suchMethod\",\"params\":[]}]").json();
    assertTrue(answers.isArray() && answers.size() == 2, "two answers: " + answers);
    for (JsonNode answer : answers) {
      if (answer.get("id").asInt() == 1) {
        assertEquals("0x539", answer.get("result").asText());
      } else {
        assertEquals(2, answer.get("id").asInt());
        assertError(answer, -32601);
      }
    }
  }

  @Test
  void oversizedRequestIsRefusedWith413() {
    // 17 MiB of parameters: above the server's 16 MiB request limit.
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_sendRawTransaction\",\"params\":[\"0x"
        + "00".repeat(17 << 19) + "\"]}";
    assertEquals(413, rpc.post(body).status());
  }

  @Test
  void malformedJsonOverWebSocketIsAnsweredAndTheSocketStaysOpen() throws Exception {
    BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(URI.create(node.wsUrl()), new WebSocket.Listener() {
          private final StringBuilder message = new StringBuilder();

          @Override
          public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
              answers.add(message.toString());
              message.setLength(0);
            }
            ws.request(1);
            return null;
          }
        }).get(10, TimeUnit.SECONDS);
    try {
      socket.sendText("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":", true).get(10, TimeUnit.SECONDS);
      assertError(JsonRpc.JSON.readTree(Await.next(answers, Await.DEFAULT_TIMEOUT, "an answer on the WebSocket")), -32700);
      socket.sendText("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"eth_chainId\",\"params\":[]}", true)
          .get(10, TimeUnit.SECONDS);
      JsonNode answer = JsonRpc.JSON.readTree(Await.next(answers, Await.DEFAULT_TIMEOUT, "an answer on the WebSocket"));
      assertEquals(2, answer.get("id").asInt());
      assertEquals("0x539", answer.get("result").asText());
    } finally {
      socket.abort();
    }
  }

  @Test
  void unknownMethodIsMethodNotFound() {
    JsonRpc.RpcError error = assertThrows(JsonRpc.RpcError.class, () -> rpc.call("eth_noSuchMethod"));
    assertEquals(-32601, error.code(), error.getMessage());
  }

  @Test
  void wrongParamsAreInvalidParams() {
    List<Runnable> calls = List.of(
        () -> rpc.call("eth_getBalance", "0x1234", "latest"),
        () -> rpc.call("eth_getBalance", DevAccounts.ALICE.getAddress(), "yesterday"),
        () -> rpc.call("eth_getBlockByNumber"),
        () -> rpc.call("eth_getBlockByNumber", "0x0", "notABoolean"),
        () -> rpc.call("eth_getTransactionByHash", "0xabc"),
        () -> rpc.call("eth_sendRawTransaction", "not hex"),
        () -> rpc.call("eth_getBalance", Map.of("address", DevAccounts.ALICE.getAddress()), "latest"));
    for (Runnable call : calls) {
      JsonRpc.RpcError error = assertThrows(JsonRpc.RpcError.class, call::run);
      assertEquals(-32602, error.code(), error.getMessage());
    }
  }

  @Test
  void undecodableTransactionIsRefused() {
    assertRefused(Numeric.hexStringToByteArray("0xdeadbeef"), null);
    assertRefused(Numeric.hexStringToByteArray("0x05c0"), null); // no transaction type 5
  }

  @Test
  void transactionForAnotherChainIsRefused() {
    Credentials from = DevAccounts.ALICE;
    byte[] otherChain = Transactions.legacy(from, client.pendingNonce(from.getAddress()), Transactions.GAS_PRICE,
        Transactions.TRANSFER_GAS, DevAccounts.BOB.getAddress(), BigInteger.ONE, "0x", 1);
    assertRefused(otherChain, "chain id");
  }

  @Test
  void transactionWithUsedNonceIsRefused() {
    Credentials from = DevAccounts.BOB;
    BigInteger nonce = client.pendingNonce(from.getAddress());
    client.awaitReceipt(client.sendRaw(Transactions.eip1559(from, nonce, DevAccounts.CAROL.getAddress(), BigInteger.ONE)));
    assertRefused(Transactions.eip1559(from, nonce, DevAccounts.DAVE.getAddress(), BigInteger.TWO), "nonce too low");
  }

  @Test
  void transactionFromEmptyAccountIsRefused() {
    Credentials broke = DevAccounts.random();
    assertRefused(Transactions.eip1559(broke, BigInteger.ZERO, DevAccounts.ALICE.getAddress(), BigInteger.ONE),
        "insufficient funds");
  }

  @Test
  void transactionBelowIntrinsicGasIsRefused() {
    Credentials from = DevAccounts.CAROL;
    assertRefused(Transactions.eip1559(from, client.pendingNonce(from.getAddress()), BigInteger.valueOf(20_999),
        DevAccounts.ALICE.getAddress(), BigInteger.ONE, "0x", Transactions.PRIORITY_FEE, Transactions.MAX_FEE),
        "intrinsic gas too low");
  }

  @Test
  void transactionPricedBelowTheBaseFeeIsRefused() {
    Credentials from = DevAccounts.DAVE;
    // The next block's base fee is at least 7/8 of the current one (EIP-1559), so 3/4 is below it for sure.
    BigInteger belowBaseFee = client.baseFee().multiply(BigInteger.valueOf(3)).divide(BigInteger.valueOf(4));
    assertRefused(Transactions.eip1559(from, client.pendingNonce(from.getAddress()), Transactions.TRANSFER_GAS,
        DevAccounts.ALICE.getAddress(), BigInteger.ONE, "0x", BigInteger.ZERO, belowBaseFee), "base fee");
  }

  @Test
  void tipAboveFeeCapIsRefused() {
    Credentials from = DevAccounts.DAVE;
    assertRefused(Transactions.eip1559(from, client.pendingNonce(from.getAddress()), Transactions.TRANSFER_GAS,
        DevAccounts.ALICE.getAddress(), BigInteger.ONE, "0x", Transactions.MAX_FEE.add(BigInteger.ONE),
        Transactions.MAX_FEE), "priority fee");
  }

  @Test
  void underpricedReplacementIsRefusedAndTheOriginalMined() {
    Credentials from = DevAccounts.ALICE;
    BigInteger next = client.pendingNonce(from.getAddress());
    // Nonce next+1 waits in the pool behind the gap, so a replacement for it can be tried.
    String queued = client.sendRaw(Transactions.eip1559(from, next.add(BigInteger.ONE), DevAccounts.BOB.getAddress(),
        BigInteger.ONE));
    byte[] sameFees = Transactions.eip1559(from, next.add(BigInteger.ONE), DevAccounts.CAROL.getAddress(), BigInteger.TWO);
    assertRefused(sameFees, "underpriced");

    String gapFiller = client.sendRaw(Transactions.eip1559(from, next, DevAccounts.BOB.getAddress(), BigInteger.ONE));
    assertTrue(client.awaitReceipt(gapFiller).isStatusOK());
    assertTrue(client.awaitReceipt(queued).isStatusOK(), "the original, not the refused replacement, is mined");
  }

  @Test
  void validTransactionIsStillMinedAfterTheRefusals() {
    Credentials from = DevAccounts.CAROL;
    String to = DevAccounts.random().getAddress();
    String hash = client.sendRaw(Transactions.legacy(from, client.pendingNonce(from.getAddress()), to, BigInteger.TEN));
    assertTrue(client.awaitReceipt(hash).isStatusOK());
    assertEquals(BigInteger.TEN, client.balance(to, DefaultBlockParameterName.LATEST));
  }

  @Test
  void engineApiRefusesRequestsWithoutAValidToken() {
    JsonRpc engine = new JsonRpc(node.engineUrl());
    JsonRpc.Response unauthenticated = engine.post(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"engine_exchangeCapabilities\",\"params\":[[]]}");
    assertEquals(401, unauthenticated.status(), unauthenticated.body());

    String wrongSecret = EngineApi.token(new byte[32], System.currentTimeMillis() / 1000);
    JsonRpc.Response forged = engine.withBearer(wrongSecret).post(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"engine_exchangeCapabilities\",\"params\":[[]]}");
    assertEquals(401, forged.status(), forged.body());
  }

  /** The node refuses {@code signed} with an error that is not an internal one, naming {@code reason} when given. */
  private static void assertRefused(byte[] signed, String reason) {
    JsonRpc.RpcError error = client.rejection(signed);
    assertNotEquals(-32603, error.code(), "a refusal, not an internal error: " + error.getMessage());
    assertFalse(error.getMessage().isBlank());
    if (reason != null) {
      assertTrue(error.getMessage().toLowerCase(Locale.ROOT).contains(reason), "message names '" + reason + "': " + error.getMessage());
    }
  }

  private static void assertError(JsonNode answer, int code) {
    assertTrue(answer != null && answer.has("error"), "an error answer: " + answer);
    assertEquals(code, answer.get("error").get("code").asInt(), answer.toString());
    assertFalse(answer.has("result"), "no result beside the error: " + answer);
  }
}
