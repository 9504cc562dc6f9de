package io.nativerollups.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * debug_traceTransaction on a real node: {@code contracts/CallTree.sol}'s run(41) creates a child,
 * CALLs it (it logs), DELEGATECALLs it, STATICCALLs it to revert with "nope" and STATICCALLs it
 * again; the callTracer tree and the struct logger must show all of that.
 */
@ExtendWith(PrintNodeLogsOnFailure.class)
class TracingIT {
  private static final BigInteger RUN_GAS = BigInteger.valueOf(1_000_000);
  private static final String PINGED_TOPIC = EventEncoder.encode(new Event("Pinged",
      List.of(new TypeReference<Address>(true) {}, new TypeReference<Uint256>(false) {})));
  private static final String DONE_TOPIC = EventEncoder.encode(new Event("Done",
      List.of(new TypeReference<Uint256>(false) {})));
  private static NodeProcess node;
  private static NodeClient client;
  private static String contract;
  private static TransactionReceipt receipt;

  @BeforeAll
  static void deployAndRun() {
    node = NodeProcess.builder("tracing").inMemory().start();
    client = new NodeClient(node);
    contract = ContractArtifact.load("CallTree").deploy(client, DevAccounts.ALICE);
    String run = FunctionEncoder.encode(new Function("run", List.of(new Uint256(41)), List.of()));
    receipt = client.awaitReceipt(client.sendRaw(Transactions.eip1559(DevAccounts.ALICE,
        client.pendingNonce(DevAccounts.ALICE.getAddress()), RUN_GAS, contract, BigInteger.ZERO, run,
        Transactions.PRIORITY_FEE, Transactions.MAX_FEE)));
    assertTrue(receipt.isStatusOK(), "run(41) failed: " + receipt);
  }

  @AfterAll
  static void stopNode() {
    NodeProcess.shutDown(client, node);
  }

  private static JsonNode trace(Map<String, Object> config) {
    return node.rpc().call("debug_traceTransaction", receipt.getTransactionHash(), config);
  }

  @Test
  void callTracerShowsEveryFrameOfTheCall() {
    JsonNode top = trace(Map.of("tracer", "callTracer", "tracerConfig", Map.of("withLog", true)));
    assertEquals("CALL", top.get("type").asText());
    assertEquals(DevAccounts.ALICE.getAddress(), top.get("from").asText());
    assertEquals(contract, top.get("to").asText());
    assertEquals(Numeric.toHexStringWithPrefix(RUN_GAS), top.get("gas").asText());
    assertEquals(Numeric.toHexStringWithPrefix(receipt.getGasUsed()), top.get("gasUsed").asText());
    assertEquals(Numeric.toHexStringWithPrefixZeroPadded(BigInteger.valueOf(42), 64), top.get("output").asText());
    assertEquals(DONE_TOPIC, top.get("logs").get(0).get("topics").get(0).asText());
    assertEquals("0x5", top.get("logs").get(0).get("position").asText(), "Done is logged after the five calls");

    JsonNode calls = top.get("calls");
    List<String> types = new ArrayList<>();
    calls.forEach(c -> types.add(c.get("type").asText()));
    assertEquals(List.of("CREATE", "CALL", "DELEGATECALL", "STATICCALL", "STATICCALL"), types);
    String child = calls.get(0).get("to").asText();
    for (JsonNode call : calls) {
      assertEquals(contract, call.get("from").asText());
      assertEquals(child, call.get("to").asText());
    }
    JsonNode ping = calls.get(1);
    assertEquals(PINGED_TOPIC, ping.get("logs").get(0).get("topics").get(0).asText());
    assertEquals(child, ping.get("logs").get(0).get("address").asText());
    JsonNode fail = calls.get(3);
    assertEquals("execution reverted", fail.get("error").asText());
    assertEquals("nope", fail.get("revertReason").asText());
    assertFalse(fail.has("value"), "STATICCALL carries no value");
    assertFalse(calls.get(2).has("error"));
  }

  @Test
  void structLoggerEndsWithTheReturnAndAgreesWithTheReceipt() {
    JsonNode trace = trace(Map.of());
    assertEquals(receipt.getGasUsed().longValueExact(), trace.get("gas").asLong());
    assertFalse(trace.get("failed").asBoolean());
    assertEquals(Numeric.toHexStringWithPrefixZeroPadded(BigInteger.valueOf(42), 64), trace.get("returnValue").asText());
    JsonNode logs = trace.get("structLogs");
    JsonNode last = logs.get(logs.size() - 1);
    assertEquals("RETURN", last.get("op").asText());
    assertEquals(1, last.get("depth").asInt());
    long reverts = 0;
    long creates = 0;
    for (JsonNode step : logs) {
      reverts += step.get("op").asText().equals("REVERT") && step.get("depth").asInt() == 2 ? 1 : 0;
      creates += step.get("op").asText().equals("CREATE") ? 1 : 0;
    }
    assertEquals(1, reverts, "the child's revert");
    assertEquals(1, creates);
  }

  @Test
  void blockTraceListsTheTransaction() {
    JsonNode block = node.rpc().call("debug_traceBlockByNumber",
        Numeric.toHexStringWithPrefix(receipt.getBlockNumber()), Map.of("tracer", "callTracer"));
    assertEquals(1, block.size());
    assertEquals(receipt.getTransactionHash(), block.get(0).get("txHash").asText());
    assertEquals(contract, block.get(0).get("result").get("to").asText());
  }
}
