package io.nativerollups.node.rpc.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.tx.TransactionHasher;
import io.nativerollups.evm.types.Address;
import io.nativerollups.node.TestNode;
import io.nativerollups.node.chain.ImportResult;
import io.nativerollups.node.mining.PayloadAttributes;
import io.nativerollups.node.rpc.JsonRpcException;
import io.nativerollups.node.rpc.JsonRpcProcessor;
import io.nativerollups.node.rpc.RpcHarness;
import io.nativerollups.node.rpc.RpcMethodRegistry;
import io.nativerollups.node.rpc.RpcParams;
import io.nativerollups.node.rpc.RpcSession;
import io.nativerollups.node.rpc.eth.Contracts;
import io.nativerollups.node.rpc.json.Hex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SubscriptionMethodsTest {
  @RegisterExtension final RpcHarness rpc = new RpcHarness();
  private SubscriptionMethods subscriptions;
  private RpcMethodRegistry methods;

  /** A connection that keeps what it is sent. */
  private static final class Session implements RpcSession {
    final String id;
    final List<JsonNode> sent = new ArrayList<>();
    final List<Runnable> onClose = new ArrayList<>();

    Session(String id) {
      this.id = id;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public synchronized void send(String json) {
      try {
        sent.add(JsonRpcProcessor.MAPPER.readTree(json));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    @Override
    public void onClose(Runnable action) {
      onClose.add(action);
    }

    void close() {
      onClose.forEach(Runnable::run);
    }
  }

  @BeforeEach
  void start() throws Exception {
    subscriptions = new SubscriptionMethods(rpc.node.chain, rpc.node.pool);
    methods = new RpcMethodRegistry();
    subscriptions.registerTo(methods);
  }

  private Object call(String method, Session session, Object... params) {
    ArrayNode array = JsonRpcProcessor.MAPPER.createArrayNode();
    for (Object p : params) {
      array.add(JsonRpcProcessor.MAPPER.valueToTree(p));
    }
    return methods.get(method).handle(new RpcParams(method, array, session));
  }

  @Test
  void logsSubscriptionSendsEachMatchingLogOfNewHeads() {
    var create = Contracts.tx(0, null, Contracts.STORE_AND_LOG_INIT, 200_000);
    rpc.sendRaw(create);
    rpc.node.seal();
    String contract = rpc.result("eth_getTransactionReceipt", Hex.data(TransactionHasher.hash(create)))
        .get("contractAddress").asText();
    Session session = new Session("s1");
    String matching = (String) call("eth_subscribe", session, "logs", Map.of("address", contract));
    call("eth_subscribe", session, "logs", Map.of("topics", List.of("0x" + "0".repeat(63) + "9")));
    rpc.sendRaw(Contracts.tx(1, Address.fromHex(contract), new byte[0], 100_000));
    rpc.node.seal();
    assertEquals(1, session.sent.size(), session.sent.toString());
    JsonNode params = session.sent.get(0).get("params");
    assertEquals(matching, params.get("subscription").asText());
    assertEquals(contract, params.get("result").get("address").asText());
    assertEquals(Contracts.TOPIC_1, params.get("result").get("topics").get(0).asText());
  }

  @Test
  void subscriptionsEndWithUnsubscribeOrTheirConnection() {
    Session mine = new Session("mine");
    Session other = new Session("other");
    String id = (String) call("eth_subscribe", mine, "newHeads");
    call("eth_subscribe", other, "newHeads");
    assertEquals(2, subscriptions.count());
    assertFalse((Boolean) call("eth_unsubscribe", other, id), "only its own connection may end it");
    rpc.node.seal();
    assertEquals(1, mine.sent.size());
    assertTrue((Boolean) call("eth_unsubscribe", mine, id));
    assertFalse((Boolean) call("eth_unsubscribe", mine, id));
    other.close();
    assertEquals(0, subscriptions.count());
  }

  @Test
  void unknownKindsBadFiltersAndHttpAreRefused() {
    Session s = new Session("s");
    assertEquals(-32602, ((JsonRpcException) org.junit.jupiter.api.Assertions.assertThrows(JsonRpcException.class,
        () -> call("eth_subscribe", s, "newBlocks"))).code());
    assertEquals(-32602, org.junit.jupiter.api.Assertions.assertThrows(JsonRpcException.class,
        () -> call("eth_subscribe", s, "newPendingTransactions", "true")).code());
    assertEquals(-32602, org.junit.jupiter.api.Assertions.assertThrows(JsonRpcException.class,
        () -> call("eth_subscribe", s, "newPendingTransactions", true, true)).code());
    assertEquals(-32602, org.junit.jupiter.api.Assertions.assertThrows(JsonRpcException.class,
        () -> call("eth_subscribe", s, "syncing", Map.of())).code());
    assertEquals(-32602, org.junit.jupiter.api.Assertions.assertThrows(JsonRpcException.class,
        () -> call("eth_subscribe", s, "logs", Map.of("fromBlock", "0x1"))).code());
    assertEquals(-32602, org.junit.jupiter.api.Assertions.assertThrows(JsonRpcException.class,
        () -> call("eth_subscribe", s, "newHeads", Map.of())).code());
    assertEquals(-32601, org.junit.jupiter.api.Assertions.assertThrows(JsonRpcException.class,
        () -> call("eth_subscribe", null, "newHeads")).code());
    assertEquals(0, subscriptions.count());
  }

  @Test
  void newPendingTransactionsSendsHashesOrWholeTransactions() {
    Session session = new Session("s");
    String byHash = (String) call("eth_subscribe", session, "newPendingTransactions");
    String full = (String) call("eth_subscribe", session, "newPendingTransactions", true);
    var tx = Contracts.tx(0, Address.fromHex("0x00000000000000000000000000000000000a11ce"), new byte[0], 21_000);
    String hash = rpc.sendRaw(tx);
    assertEquals(2, session.sent.size(), session.sent.toString());
    for (JsonNode n : session.sent) {
      JsonNode params = n.get("params");
      if (params.get("subscription").asText().equals(byHash)) {
        assertEquals(hash, params.get("result").asText());
      } else {
        assertEquals(full, params.get("subscription").asText());
        assertEquals(hash, params.get("result").get("hash").asText());
        assertTrue(params.get("result").get("blockNumber").isNull());
      }
    }
  }

  @Test
  void syncingIsAcceptedAndSilentSinceTheNodeNeverSyncs() {
    Session session = new Session("s");
    String id = (String) call("eth_subscribe", session, "syncing");
    rpc.node.seal();
    assertEquals(List.of(), session.sent);
    assertTrue((Boolean) call("eth_unsubscribe", session, id));
  }

  @Test
  void aReorgSendsTheDroppedLogsAsRemovedAndTheNewBranchsHeads() {
    var create = Contracts.tx(0, null, Contracts.STORE_AND_LOG_INIT, 200_000);
    rpc.node.pool.add(create);
    BlockHeader fork = rpc.node.seal().header();
    Address contract = Address.fromHex(rpc.result("eth_getTransactionReceipt", Hex.data(TransactionHasher.hash(create)))
        .get("contractAddress").asText());
    rpc.node.pool.add(Contracts.tx(1, contract, new byte[0], 100_000));
    Block dropped = rpc.node.seal();
    Block sibling = rpc.node.builder.build(fork, new PayloadAttributes(fork.timestamp() + 99, new byte[32],
        TestNode.COINBASE, List.of(), new byte[32]), List.of(Contracts.tx(1, contract, new byte[] {1}, 100_000)));
    assertEquals(ImportResult.Status.VALID, rpc.node.chain.importBlock(sibling).status());
    Block child = rpc.node.builder.build(sibling.header(), new PayloadAttributes(sibling.header().timestamp() + 1,
        new byte[32], TestNode.COINBASE, List.of(), new byte[32]), List.of());
    assertEquals(ImportResult.Status.VALID, rpc.node.chain.importBlock(child).status());

    Session session = new Session("s");
    String logs = (String) call("eth_subscribe", session, "logs", Map.of("address", contract.toHexString()));
    String heads = (String) call("eth_subscribe", session, "newHeads");
    rpc.node.chain.setHead(child.header().hash());

    List<JsonNode> logResults = results(session, logs);
    assertEquals(2, logResults.size(), logResults.toString());
    assertEquals(Hex.data(dropped.header().hash()), logResults.get(0).get("blockHash").asText());
    assertTrue(logResults.get(0).get("removed").asBoolean());
    assertEquals(Hex.data(sibling.header().hash()), logResults.get(1).get("blockHash").asText());
    assertFalse(logResults.get(1).get("removed").asBoolean());
    assertEquals(List.of(Hex.data(sibling.header().hash()), Hex.data(child.header().hash())),
        results(session, heads).stream().map(h -> h.get("hash").asText()).toList());
  }

  private static List<JsonNode> results(Session session, String subscription) {
    return session.sent.stream().map(n -> n.get("params"))
        .filter(p -> p.get("subscription").asText().equals(subscription)).map(p -> p.get("result")).toList();
  }
}
