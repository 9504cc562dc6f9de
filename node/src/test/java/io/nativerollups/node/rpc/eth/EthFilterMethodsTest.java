package io.nativerollups.node.rpc.eth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.tx.Transaction;
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
import io.nativerollups.node.rpc.json.Hex;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

class EthFilterMethodsTest {
  private static final int MAX_FILTERS = 5;
  private static final String OTHER_TOPIC = "0x" + "0".repeat(63) + "9";

  @RegisterExtension final RpcHarness rpc = new RpcHarness();
  private final AtomicLong clock = new AtomicLong();
  private FilterManager filters;
  private RpcMethodRegistry methods;
  private Address contract;
  private long nonce;

  @BeforeEach
  void start() throws Exception {
    filters = new FilterManager(rpc.node.chain, clock::get, MAX_FILTERS);
    methods = new RpcMethodRegistry();
    new EthFilterMethods(rpc.node.chain, rpc.node.pool, filters).registerTo(methods);
    Transaction create = send(null, Contracts.STORE_AND_LOG_INIT);
    rpc.node.seal();
    contract = Address.fromHex(rpc.result("eth_getTransactionReceipt", Hex.data(TransactionHasher.hash(create)))
        .get("contractAddress").asText());
  }

  /** Calls a filter method as a request without a connection (HTTP) would; the result as JSON. */
  private JsonNode call(String method, Object... params) {
    ArrayNode array = JsonRpcProcessor.MAPPER.createArrayNode();
    for (Object p : params) {
      array.add(JsonRpcProcessor.MAPPER.valueToTree(p));
    }
    return JsonRpcProcessor.MAPPER.valueToTree(methods.get(method).handle(new RpcParams(method, array, null)));
  }

  private static void assertError(int code, String message, Executable call) {
    JsonRpcException e = assertThrows(JsonRpcException.class, call);
    assertEquals(code, e.code(), e.getMessage());
    assertTrue(e.getMessage().contains(message), () -> "\"" + e.getMessage() + "\" should contain \"" + message + "\"");
  }

  /** Adds a transaction from the test key to the pool: a call with {@code data} (a creation when {@code to} is null). */
  private Transaction send(Address to, byte[] data) {
    Transaction tx = Contracts.tx(nonce++, to, data, 200_000);
    rpc.node.pool.add(tx);
    return tx;
  }

  /** Calls the contract (one LOG1 of {@link Contracts#TOPIC_1}) in a new block. */
  private Block emit() {
    send(contract, new byte[0]);
    return rpc.node.seal();
  }

  private List<String> hashes(JsonNode changes) {
    List<String> out = new ArrayList<>();
    changes.forEach(c -> out.add(c.isTextual() ? c.asText() : c.get("blockHash").asText()));
    return out;
  }

  @Test
  void filterIdsAreRandomHexQuantities() {
    String a = call("eth_newBlockFilter").asText();
    String b = call("eth_newBlockFilter").asText();
    assertTrue(a.matches("0x[1-9a-f][0-9a-f]*"), a);
    assertNotEquals(a, b);
    assertTrue(rpc.result("eth_newBlockFilter").asText().matches("0x[1-9a-f][0-9a-f]*"), "registered in the standard API");
  }

  @Test
  void logFilterAnswersMatchingLogsOncePerPoll() {
    String byAddress = call("eth_newFilter", Map.of("address", contract.toHexString())).asText();
    String byTopics = call("eth_newFilter", Map.of("address", List.of(TestNode.SENDER.toHexString(), contract.toHexString()),
        "topics", Arrays.asList(List.of(OTHER_TOPIC, Contracts.TOPIC_1)))).asText();
    String wildcardThenMissing = call("eth_newFilter", Map.of("topics", Arrays.asList(null, Contracts.TOPIC_1))).asText();
    String otherAddress = call("eth_newFilter", Map.of("address", TestNode.SENDER.toHexString())).asText();
    Block block = emit();

    JsonNode logs = call("eth_getFilterChanges", byAddress);
    assertEquals(1, logs.size(), logs.toString());
    JsonNode log = logs.get(0);
    assertEquals(contract.toHexString(), log.get("address").asText());
    assertEquals(Contracts.TOPIC_1, log.get("topics").get(0).asText());
    assertEquals(Hex.data(block.header().hash()), log.get("blockHash").asText());
    assertEquals(Hex.quantity(block.header().number()), log.get("blockNumber").asText());
    assertEquals(Hex.data(TransactionHasher.hash(block.transactions().get(0))), log.get("transactionHash").asText());
    assertFalse(log.get("removed").asBoolean());
    assertEquals(logs, call("eth_getFilterChanges", byTopics), "OR-list of topics, list of addresses");
    assertEquals(0, call("eth_getFilterChanges", wildcardThenMissing).size(), "the log has one topic, not two");
    assertEquals(0, call("eth_getFilterChanges", otherAddress).size());
    assertEquals(0, call("eth_getFilterChanges", byAddress).size(), "already answered");
  }

  @Test
  void blockFilterAnswersTheHashesOfNewBlocks() {
    String id = call("eth_newBlockFilter").asText();
    Block first = rpc.node.seal();
    Block second = emit();
    assertEquals(List.of(Hex.data(first.header().hash()), Hex.data(second.header().hash())),
        hashes(call("eth_getFilterChanges", id)));
    assertEquals(0, call("eth_getFilterChanges", id).size());
  }

  @Test
  void pendingTransactionFilterAnswersHashesOrFullTransactions() {
    String byHash = call("eth_newPendingTransactionFilter").asText();
    String full = call("eth_newPendingTransactionFilter", true).asText();
    String explicitHash = call("eth_newPendingTransactionFilter", false).asText();
    Transaction tx = send(contract, new byte[0]);
    String hash = Hex.data(TransactionHasher.hash(tx));

    assertEquals(List.of(hash), hashes(call("eth_getFilterChanges", byHash)));
    assertEquals(List.of(hash), hashes(call("eth_getFilterChanges", explicitHash)));
    JsonNode objects = call("eth_getFilterChanges", full);
    assertEquals(1, objects.size());
    assertEquals(hash, objects.get(0).get("hash").asText());
    assertEquals(TestNode.SENDER.toHexString(), objects.get(0).get("from").asText());
    assertTrue(objects.get(0).get("blockHash").isNull(), "not yet in a block");
  }

  @Test
  void rangeAndBlockHashBoundWhatALogFilterCollects() {
    Block past = emit();
    String endedBefore = call("eth_newFilter", Map.of("fromBlock", "earliest", "toBlock", Hex.quantity(past.header().number()))).asText();
    String startsLater = call("eth_newFilter", Map.of("fromBlock", "0x64")).asText();
    String oneBlock = call("eth_newFilter", Map.of("blockHash", Hex.data(past.header().hash()))).asText();
    String open = call("eth_newFilter", Map.of("fromBlock", Hex.quantity(past.header().number()), "toBlock", "pending")).asText();
    String earliestOnly = call("eth_newFilter", Map.of("toBlock", "earliest")).asText();
    Block next = emit();

    assertEquals(List.of(Hex.data(next.header().hash())), hashes(call("eth_getFilterChanges", open)));
    for (String id : List.of(endedBefore, startsLater, oneBlock, earliestOnly)) {
      assertEquals(0, call("eth_getFilterChanges", id).size(), id);
    }
  }

  @Test
  void safeAndFinalizedBoundsAreReadAtEachNewHead() {
    Block first = emit();
    rpc.node.chain.setSafeHash(first.header().hash());
    rpc.node.chain.setFinalizedHash(first.header().hash());
    String fromSafe = call("eth_newFilter", Map.of("fromBlock", "safe")).asText();
    String toFinalized = call("eth_newFilter", Map.of("toBlock", "finalized")).asText();
    Block next = emit();
    assertEquals(List.of(Hex.data(next.header().hash())), hashes(call("eth_getFilterChanges", fromSafe)));
    assertEquals(0, call("eth_getFilterChanges", toFinalized).size(), "a new head is never at or below the finalized block");
  }

  @Test
  void getFilterLogsRunsTheFilterOverTheChainAsItIs() {
    Block first = emit();
    String all = call("eth_newFilter", Map.of("fromBlock", "earliest", "address", contract.toHexString())).asText();
    String byHash = call("eth_newFilter", Map.of("blockHash", Hex.data(first.header().hash()))).asText();
    Block second = emit();
    List<String> both = List.of(Hex.data(first.header().hash()), Hex.data(second.header().hash()));
    assertEquals(both, hashes(call("eth_getFilterLogs", all)));
    assertEquals(both, hashes(call("eth_getFilterLogs", all)), "eth_getFilterLogs consumes nothing");
    assertEquals(rpc.result("eth_getLogs", Map.of("fromBlock", "earliest", "address", contract.toHexString())),
        call("eth_getFilterLogs", all));
    assertEquals(List.of(Hex.data(first.header().hash())), hashes(call("eth_getFilterLogs", byHash)));
  }

  @Test
  void aReorgAnswersTheDroppedLogsAsRemovedThenTheNewBranchs() {
    BlockHeader fork = rpc.node.chain.head();
    String logs = call("eth_newFilter", Map.of("address", contract.toHexString())).asText();
    String blocks = call("eth_newBlockFilter").asText();
    Block dropped = emit();
    assertEquals(1, call("eth_getFilterChanges", logs).size());
    call("eth_getFilterChanges", blocks);

    Block sibling = rpc.node.builder.build(fork, new PayloadAttributes(fork.timestamp() + 99, new byte[32],
        TestNode.COINBASE, List.of(), new byte[32]), List.of(Contracts.tx(nonce - 1, contract, new byte[] {1}, 100_000)));
    assertEquals(ImportResult.Status.VALID, rpc.node.chain.importBlock(sibling).status());
    rpc.node.chain.setHead(sibling.header().hash());

    JsonNode changes = call("eth_getFilterChanges", logs);
    assertEquals(List.of(Hex.data(dropped.header().hash()), Hex.data(sibling.header().hash())), hashes(changes));
    assertTrue(changes.get(0).get("removed").asBoolean());
    assertFalse(changes.get(1).get("removed").asBoolean());
    assertEquals(List.of(Hex.data(sibling.header().hash())), hashes(call("eth_getFilterChanges", blocks)));

    rpc.node.chain.setHead(fork.hash());
    JsonNode rewound = call("eth_getFilterChanges", logs);
    assertEquals(List.of(Hex.data(sibling.header().hash())), hashes(rewound));
    assertTrue(rewound.get(0).get("removed").asBoolean(), "a rewind removes without adding");
    assertEquals(0, call("eth_getFilterChanges", blocks).size());
  }

  @Test
  void uninstallRemovesAFilterOnce() {
    String id = call("eth_newBlockFilter").asText();
    assertTrue(call("eth_uninstallFilter", id).asBoolean());
    assertFalse(call("eth_uninstallFilter", id).asBoolean());
    assertFalse(call("eth_uninstallFilter", "0x1").asBoolean());
    assertError(-32000, "filter not found", () -> call("eth_getFilterChanges", id));
    assertEquals(0, filters.count());
  }

  @Test
  void unknownIdsAndBlockOrTransactionFiltersAreFilterNotFoundForLogs() {
    String blocks = call("eth_newBlockFilter").asText();
    String pending = call("eth_newPendingTransactionFilter").asText();
    assertError(-32000, "filter not found", () -> call("eth_getFilterChanges", "0x1234"));
    assertError(-32000, "filter not found", () -> call("eth_getFilterLogs", "0x1234"));
    assertError(-32000, "filter not found", () -> call("eth_getFilterLogs", blocks));
    assertError(-32000, "filter not found", () -> call("eth_getFilterLogs", pending));
  }

  @Test
  void filtersExpireFiveMinutesAfterTheirLastPoll() {
    long fourMinutes = Duration.ofMinutes(4).toNanos();
    String polled = call("eth_newBlockFilter").asText();
    String logs = call("eth_newFilter", Map.of()).asText();
    clock.addAndGet(fourMinutes);
    call("eth_getFilterChanges", polled);
    call("eth_getFilterLogs", logs);
    clock.addAndGet(fourMinutes);
    assertEquals(0, call("eth_getFilterChanges", polled).size(), "polled four minutes ago");
    assertError(-32000, "filter not found", () -> call("eth_getFilterLogs", logs));
    assertEquals(1, filters.count(), "eth_getFilterLogs does not keep a filter alive");
    clock.addAndGet(FilterManager.TIMEOUT.toNanos());
    assertError(-32000, "filter not found", () -> call("eth_getFilterChanges", polled));
    assertFalse(call("eth_uninstallFilter", polled).asBoolean());
    assertEquals(0, filters.count());
  }

  @Test
  void theNumberOfInstalledFiltersIsCapped() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < MAX_FILTERS; i++) {
      ids.add(call(i % 2 == 0 ? "eth_newBlockFilter" : "eth_newPendingTransactionFilter").asText());
    }
    assertError(-32005, "too many installed filters", () -> call("eth_newFilter", Map.of()));
    assertError(-32005, "too many installed filters", () -> call("eth_newBlockFilter"));
    call("eth_uninstallFilter", ids.get(0));
    call("eth_newFilter", Map.of());
    assertError(-32005, "too many installed filters", () -> call("eth_newPendingTransactionFilter"));
    clock.addAndGet(FilterManager.TIMEOUT.toNanos());
    call("eth_newBlockFilter");
    assertEquals(1, filters.count(), "expired filters no longer count");
  }

  @Test
  void safeAndFinalizedTagsFailUntilSomeoneNamesThoseBlocks() throws Exception {
    try (RpcHarness unsealed = new RpcHarness()) {
      // neither a consensus client nor the dev producer has marked a block safe or finalized yet
      methods = new RpcMethodRegistry();
      new EthFilterMethods(unsealed.node.chain, unsealed.node.pool,
          new FilterManager(unsealed.node.chain, clock::get, MAX_FILTERS)).registerTo(methods);
      assertError(-39001, "safe block not found", () -> call("eth_newFilter", Map.of("fromBlock", "safe")));
      assertError(-39001, "finalized block not found", () -> call("eth_newFilter", Map.of("toBlock", "finalized")));
    }
  }

  @Test
  void badParamsAreRefused() {
    assertError(-32602, "missing value for required argument 0", () -> call("eth_newFilter"));
    assertError(-32602, "invalid argument 0", () -> call("eth_newFilter", "0x1"));
    assertError(-32602, "invalid argument 0", () -> call("eth_newFilter", Map.of("address", "0x1234")));
    assertError(-32602, "invalid argument 0", () -> call("eth_newFilter", Map.of("address", List.of(1))));
    assertError(-32602, "invalid argument 0", () -> call("eth_newFilter", Map.of("topics", "0x12")));
    assertError(-32602, "at most 4 topic positions",
        () -> call("eth_newFilter", Map.of("topics", List.of(OTHER_TOPIC, OTHER_TOPIC, OTHER_TOPIC, OTHER_TOPIC, OTHER_TOPIC))));
    assertError(-32602, "invalid argument 0", () -> call("eth_newFilter", Map.of("fromBlock", "newest")));
    assertError(-32602, "invalid argument 0", () -> call("eth_newFilter", Map.of("toBlock", 5)));
    assertError(-32602, "invalid argument 0", () -> call("eth_newFilter", Map.of("fromTime", "0x1")));
    assertError(-32602, "cannot specify both blockHash and fromBlock/toBlock",
        () -> call("eth_newFilter", Map.of("blockHash", Hex.data(new byte[32]), "fromBlock", "0x1")));
    assertError(-32602, "too many arguments", () -> call("eth_newFilter", Map.of(), Map.of()));
    assertError(-32000, "fromBlock is after toBlock", () -> call("eth_newFilter", Map.of("fromBlock", "0x2", "toBlock", "0x1")));
    assertError(-32000, "unknown block", () -> call("eth_newFilter", Map.of("blockHash", Hex.data(new byte[32]))));

    assertError(-32602, "too many arguments", () -> call("eth_newBlockFilter", true));
    assertError(-32602, "expected a boolean", () -> call("eth_newPendingTransactionFilter", "true"));
    assertError(-32602, "too many arguments", () -> call("eth_newPendingTransactionFilter", true, true));
    for (String method : List.of("eth_getFilterChanges", "eth_getFilterLogs", "eth_uninstallFilter")) {
      assertError(-32602, "missing value for required argument 0", () -> call(method));
      assertError(-32602, "expected a string", () -> call(method, 1));
      assertError(-32602, "expected a string", () -> call(method, List.of("0x1")));
      assertError(-32602, "too many arguments", () -> call(method, "0x1", "0x2"));
    }
    assertEquals(0, filters.count(), "nothing was installed");
  }
}
