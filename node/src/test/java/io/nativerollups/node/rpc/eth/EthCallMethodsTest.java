package io.nativerollups.node.rpc.eth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.nativerollups.evm.tx.TransactionHasher;
import io.nativerollups.node.TestNode;
import io.nativerollups.node.rpc.RpcHarness;
import io.nativerollups.node.rpc.json.Hex;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EthCallMethodsTest {
  private static final String CONTRACT = "0x00000000000000000000000000000000000c0de1";
  private static final String ALICE = TestNode.ALICE.toHexString();
  @RegisterExtension final RpcHarness rpc = new RpcHarness();

  private static Map<String, Object> callTo(String to) {
    Map<String, Object> tx = new LinkedHashMap<>();
    tx.put("from", TestNode.SENDER.toHexString());
    tx.put("to", to);
    return tx;
  }

  private static Map<String, Object> override(String code, Map<String, String> stateDiff) {
    Map<String, Object> account = new LinkedHashMap<>();
    account.put("code", code);
    if (stateDiff != null) {
      account.put("stateDiff", stateDiff);
    }
    return Map.of(CONTRACT, account);
  }

  private String deployStoreAndLog() {
    var create = Contracts.tx(0, null, Contracts.STORE_AND_LOG_INIT, 200_000);
    rpc.sendRaw(create);
    rpc.node.seal();
    return rpc.result("eth_getTransactionReceipt", Hex.data(TransactionHasher.hash(create))).get("contractAddress").asText();
  }

  @Test
  void callRunsCodeGivenByStateOverridesWithoutChangingState() {
    String word = "0x" + "0".repeat(62) + "07";
    String out = rpc.result("eth_call", callTo(CONTRACT), "latest",
        override(Hex.data(Contracts.RETURN_SLOT_0), Map.of("0x" + "0".repeat(64), word))).asText();
    assertEquals(word, out);
    assertEquals("0x", rpc.result("eth_getCode", CONTRACT).asText());
    assertEquals("0x", rpc.result("eth_call", callTo(CONTRACT)).asText());
  }

  @Test
  void fullStorageOverrideReplacesEveryOtherSlot() {
    String address = deployStoreAndLog();
    rpc.sendRaw(Contracts.tx(1, io.nativerollups.evm.types.Address.fromHex(address), new byte[0], 100_000));
    rpc.node.seal();
    Map<String, Object> account = new LinkedHashMap<>();
    account.put("code", Hex.data(Contracts.RETURN_SLOT_0));
    account.put("state", Map.of("0x" + "0".repeat(63) + "1", "0x" + "0".repeat(63) + "5"));
    String out = rpc.result("eth_call", callTo(address), "latest", Map.of(address, account)).asText();
    assertEquals("0x" + "0".repeat(64), out);
  }

  @Test
  void revertIsCodeThreeWithReasonAndData() {
    JsonNode error = rpc.error("eth_call", callTo(CONTRACT), "latest", override(Hex.data(Contracts.REVERT_NO), null));
    assertEquals(3, error.get("code").asInt());
    assertEquals("execution reverted: no", error.get("message").asText());
    assertTrue(error.get("data").asText().startsWith("0x08c379a0"));
    JsonNode estimate = rpc.error("eth_estimateGas", callTo(CONTRACT), "latest", override(Hex.data(Contracts.REVERT_NO), null));
    assertEquals(3, estimate.get("code").asInt());
  }

  @Test
  void badCallRequestsAreInvalidParams() {
    Map<String, Object> both = callTo(CONTRACT);
    both.put("input", "0x01");
    both.put("data", "0x02");
    assertEquals(-32602, rpc.error("eth_call", both).get("code").asInt());
    Map<String, Object> fees = callTo(CONTRACT);
    fees.put("gasPrice", "0x1");
    fees.put("maxFeePerGas", "0x1");
    assertEquals(-32602, rpc.error("eth_call", fees).get("code").asInt());
    assertEquals(-32602, rpc.error("eth_call", "0x00").get("code").asInt());
    assertEquals(-32602, rpc.error("eth_call", callTo(CONTRACT), "latest",
        Map.of(CONTRACT, Map.of("state", Map.of(), "stateDiff", Map.of()))).get("code").asInt());
    JsonNode notPrecompile = rpc.error("eth_call", callTo(CONTRACT), "latest",
        Map.of(CONTRACT, Map.of("movePrecompileToAddress", ALICE)));
    assertEquals(-32000, notPrecompile.get("code").asInt());
    assertEquals("account " + CONTRACT + " is not a precompile", notPrecompile.get("message").asText());
    assertEquals(-32602, rpc.error("eth_call", callTo(CONTRACT), "latest", Map.of(), Map.of(), Map.of()).get("code").asInt());
  }

  private static final String IDENTITY = "0x0000000000000000000000000000000000000004";
  private static final String SHA256 = "0x0000000000000000000000000000000000000002";
  private static final String ELSEWHERE = "0x0000000000000000000000000000000000001234";

  @Test
  void movedPrecompileAnswersAtItsNewAddressAndAnOverriddenOneIsAnOrdinaryAccount() {
    Map<String, Object> moved = Map.of(IDENTITY, Map.of("movePrecompileToAddress", ELSEWHERE));
    Map<String, Object> call = callTo(ELSEWHERE);
    call.put("input", "0xabcd");
    assertEquals("0xabcd", rpc.result("eth_call", call, "latest", moved).asText());
    Map<String, Object> old = callTo(IDENTITY);
    old.put("input", "0xabcd");
    assertEquals("0x", rpc.result("eth_call", old, "latest", moved).asText(), "nothing is left at the old address");
    assertEquals("0xabcd", rpc.result("eth_call", old, "latest").asText());
    assertEquals("0x" + "0".repeat(64), rpc.result("eth_call", old, "latest",
        Map.of(IDENTITY, Map.of("code", Hex.data(Contracts.RETURN_SLOT_0)))).asText(), "the code runs, not IDENTITY");
  }

  @Test
  void badPrecompileMovesAreRefusedWithTheSpecsCodes() {
    JsonNode itself = rpc.error("eth_call", callTo(CONTRACT), "latest",
        Map.of(IDENTITY, Map.of("movePrecompileToAddress", IDENTITY)));
    assertEquals(-38022, itself.get("code").asInt());
    JsonNode twice = rpc.error("eth_call", callTo(CONTRACT), "latest", Map.of(
        IDENTITY, Map.of("movePrecompileToAddress", ELSEWHERE), SHA256, Map.of("movePrecompileToAddress", ELSEWHERE)));
    assertEquals(-38023, twice.get("code").asInt());
    JsonNode ontoOverride = rpc.error("eth_call", callTo(CONTRACT), "latest", Map.of(
        IDENTITY, Map.of("movePrecompileToAddress", ELSEWHERE), ELSEWHERE, Map.of("balance", "0x1")));
    assertEquals(-32000, ontoOverride.get("code").asInt());
    assertEquals("account " + ELSEWHERE + " is already overridden", ontoOverride.get("message").asText());
    assertEquals(-32602, rpc.error("eth_call", callTo(CONTRACT), "latest",
        Map.of(IDENTITY, Map.of("movePrecompileToAddress", "0x12"))).get("code").asInt());
  }

  private static String word(long v) {
    return String.format("%064x", v);
  }

  @Test
  void blockOverridesAreWhatTheCallSees() {
    Map<String, Object> paying = callTo(CONTRACT);
    paying.put("maxFeePerGas", "0x2540be400");
    Map<String, Object> block = new LinkedHashMap<>();
    block.put("number", "0x64");
    block.put("time", "0x3e8");
    block.put("gasLimit", "0x1c9c380");
    block.put("feeRecipient", ALICE);
    block.put("prevRandao", "0x" + word(5));
    block.put("baseFeePerGas", "0x7");
    block.put("blobBaseFee", "0x9");
    String out = rpc.result("eth_call", paying, "latest", override(Hex.data(Contracts.BLOCK_FIELDS), null), block).asText();
    assertEquals("0x" + word(100) + word(1000) + word(30_000_000) + word(0xa11ce) + word(5) + word(7) + word(9), out);
  }

  @Test
  void freeCallRunsWithBaseFeeZeroEvenWhenOverriddenAndCoinbaseAndQuantityRandaoAreAccepted() {
    Map<String, Object> block = Map.of("baseFeePerGas", "0x7", "coinbase", ALICE, "prevRandao", "0x5");
    String out = rpc.result("eth_call", callTo(CONTRACT), "latest", override(Hex.data(Contracts.BLOCK_FIELDS), null),
        block).asText().substring(2);
    assertEquals(word(0xa11ce), out.substring(3 * 64, 4 * 64));
    assertEquals(word(5), out.substring(4 * 64, 5 * 64));
    assertEquals(word(0), out.substring(5 * 64, 6 * 64));
    String plain = rpc.result("eth_call", callTo(CONTRACT), "latest", override(Hex.data(Contracts.BLOCK_FIELDS), null))
        .asText().substring(2);
    assertEquals(Hex.data(rpc.node.chain.head().mixHash()).substring(2), plain.substring(4 * 64, 5 * 64));
    assertEquals(word(0), plain.substring(0, 64), "block 0");
  }

  @Test
  void estimateGasRunsUnderTheBlockOverrides() {
    // reverts unless NUMBER > 100
    Map<String, Object> code = override("0x60644311600b576000" + "80fd5b00", null);
    assertEquals(3, rpc.error("eth_estimateGas", callTo(CONTRACT), "latest", code).get("code").asInt());
    long gas = Hex.parseLong(rpc.result("eth_estimateGas", callTo(CONTRACT), "latest", code, Map.of("number", "0x65")).asText());
    assertEquals(21_022, gas, "21000 and 22 for PUSH1 NUMBER GT PUSH1 JUMPI JUMPDEST STOP (anvil agrees)");
  }

  @Test
  void badBlockOverridesAreInvalidParamsNamingTheField() {
    Map<String, Object> code = override(Hex.data(Contracts.BLOCK_FIELDS), null);
    JsonNode badNumber = rpc.error("eth_call", callTo(CONTRACT), "latest", code, Map.of("number", "ten"));
    assertEquals(-32602, badNumber.get("code").asInt());
    assertTrue(badNumber.get("message").asText().startsWith("invalid argument 3: field \"number\""), badNumber.toString());
    JsonNode unknown = rpc.error("eth_call", callTo(CONTRACT), "latest", code, Map.of("timestamp", "0x1"));
    assertTrue(unknown.get("message").asText().contains("unknown field \"timestamp\""), unknown.toString());
    JsonNode beacon = rpc.error("eth_call", callTo(CONTRACT), "latest", code, Map.of("beaconRoot", "0x" + word(1)));
    assertEquals("invalid argument 3: block override \"beaconRoot\" is not supported for this RPC method",
        beacon.get("message").asText());
    assertEquals(-32602, rpc.error("eth_estimateGas", callTo(CONTRACT), "latest", code,
        Map.of("withdrawals", List.of())).get("code").asInt());
    assertEquals(-32602, rpc.error("eth_call", callTo(CONTRACT), "latest", code, "0x1").get("code").asInt());
    assertEquals(-32602, rpc.error("eth_call", callTo(CONTRACT), "latest", code,
        Map.of("feeRecipient", ALICE, "coinbase", CONTRACT)).get("code").asInt());
    assertEquals(-32602, rpc.error("eth_call", callTo(CONTRACT), "latest", code,
        Map.of("prevRandao", "0x" + "1".repeat(65))).get("code").asInt());
    assertEquals(-32602, rpc.error("eth_call", callTo(CONTRACT), "latest", code,
        Map.of("baseFeePerGas", -1)).get("code").asInt());
  }

  @Test
  void callThatCannotPayIsRefusedInGethsWords() {
    Map<String, Object> rich = callTo(ALICE);
    rich.put("from", ALICE);
    rich.put("value", "0x1");
    JsonNode error = rpc.error("eth_call", rich);
    assertEquals(-32000, error.get("code").asInt());
    assertEquals("insufficient funds for gas * price + value", error.get("message").asText());
  }

  @Test
  void aContractCanBeTheSenderOfACall() {
    Map<String, Object> fromContract = callTo(ALICE);
    fromContract.put("from", CONTRACT);
    assertEquals("0x", rpc.result("eth_call", fromContract, "latest", override(Hex.data(Contracts.RETURN_SLOT_0), null)).asText());
  }

  @Test
  void estimateOfATransferIsItsIntrinsicGas() {
    Map<String, Object> transfer = callTo(ALICE);
    transfer.put("value", "0x1");
    assertEquals("0x5208", rpc.result("eth_estimateGas", transfer).asText());
  }

  @Test
  void estimateFromASenderLeftNothingForGasIsInsufficientFundsForTransfer() {
    // an empty account paying fees (what a wallet of a new user asks), then a value of the whole balance
    Map<String, Object> empty = callTo(ALICE);
    empty.put("from", ALICE);
    empty.put("maxFeePerGas", "0x3b9aca00");
    Map<String, Object> everything = callTo(ALICE);
    everything.put("maxFeePerGas", "0x3b9aca00");
    everything.put("value", rpc.result("eth_getBalance", TestNode.SENDER.toHexString(), "latest").asText());
    for (Map<String, Object> request : List.of(empty, everything)) {
      JsonNode error = rpc.error("eth_estimateGas", request);
      assertEquals(-32000, error.get("code").asInt(), error.toString());
      assertEquals("insufficient funds for transfer", error.get("message").asText());
    }
  }

  @Test
  void estimateIgnoresARequestedGasBelowATransferAndCapsOneAboveTheTransactionCap() {
    for (String requested : List.of("0x4e20", "0x2aea540")) {
      Map<String, Object> transfer = callTo(ALICE);
      transfer.put("gas", requested);
      assertEquals("0x5208", rpc.result("eth_estimateGas", transfer).asText(), "requested gas " + requested);
    }
  }

  @Test
  void estimateWithAGasBelowTheIntrinsicGasExceedsTheAllowance() {
    Map<String, Object> withData = callTo(ALICE);
    withData.put("gas", "0x5208");
    withData.put("data", "0x" + "ff".repeat(100));
    JsonNode error = rpc.error("eth_estimateGas", withData);
    assertEquals(-32000, error.get("code").asInt(), error.toString());
    assertEquals("gas required exceeds allowance (21000)", error.get("message").asText());
  }

  @Test
  void estimateIsTheLeastGasThatSucceeds() {
    String address = deployStoreAndLog();
    long estimate = Hex.parseLong(rpc.result("eth_estimateGas", callTo(address)).asText());
    assertTrue(estimate > 21_000 + 20_000, "an SSTORE from zero costs 20000: " + estimate);
    Map<String, Object> enough = callTo(address);
    enough.put("gas", Hex.quantity(estimate));
    assertEquals("0x", rpc.result("eth_call", enough).asText());
    Map<String, Object> short1 = callTo(address);
    short1.put("gas", Hex.quantity(estimate - 1));
    assertEquals(-32000, rpc.error("eth_call", short1).get("code").asInt());
    Map<String, Object> tooLittle = callTo(address);
    tooLittle.put("gas", "0x5208");
    assertTrue(rpc.error("eth_estimateGas", tooLittle).get("message").asText().startsWith("gas required exceeds allowance"));
  }

  @Test
  void accessListNamesTheContractsSlotAndLowersNothingBelowWhatItUses() {
    String address = deployStoreAndLog();
    Map<String, Object> call = callTo(address);
    call.put("from", ALICE);
    JsonNode result = rpc.result("eth_createAccessList", call);
    JsonNode list = result.get("accessList");
    assertEquals(1, list.size(), result.toString());
    assertEquals(address, list.get(0).get("address").asText());
    assertEquals(List.of("0x" + "0".repeat(64)),
        List.of(list.get(0).get("storageKeys").get(0).asText()));
    assertTrue(Hex.parseLong(result.get("gasUsed").asText()) > 21_000);
    assertFalse(result.has("error"));
  }

  @Test
  void revertMessageDecodesOnlyWellFormedErrorStrings() {
    assertEquals("no", CallSimulator.errorString(Contracts.hex(
        "08c379a0"
        + "0000000000000000000000000000000000000000000000000000000000000020"
        + "0000000000000000000000000000000000000000000000000000000000000002"
        + "6e6f000000000000000000000000000000000000000000000000000000000000")));
    assertNull(CallSimulator.errorString(new byte[0]));
    assertNull(CallSimulator.errorString(Contracts.hex("08c379a0"
        + "0000000000000000000000000000000000000000000000000000000000000020"
        + "00000000000000000000000000000000000000000000000000000000000000ff")));
    assertEquals("execution reverted", CallSimulator.revertMessage("x".getBytes(StandardCharsets.UTF_8)));
  }
}
