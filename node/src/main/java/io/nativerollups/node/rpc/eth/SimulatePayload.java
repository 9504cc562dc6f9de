package io.nativerollups.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import io.nativerollups.node.rpc.RpcObject;
import java.util.List;
import java.util.Set;

/**
 * eth_simulateV1's first parameter (execution-apis {@code EthSimulatePayload}): the blocks to
 * simulate, each with its block and state overrides and its calls, and the three flags. Unknown
 * fields are refused so that a misspelt flag does not pass unnoticed.
 *
 * @param traceTransfers log each ether transfer as an ERC-20 Transfer from the ERC-7528 address
 * @param validation check the calls as a block would (nonces, fees, balances) instead of as eth_call
 * @param returnFullTransactions the blocks' transactions as objects rather than hashes
 */
public record SimulatePayload(
    List<BlockStateCall> blockStateCalls,
    boolean traceTransfers,
    boolean validation,
    boolean returnFullTransactions) {

  private static final Set<String> FIELDS =
      Set.of("blockStateCalls", "traceTransfers", "validation", "returnFullTransactions");
  private static final Set<String> BLOCK_FIELDS = Set.of("blockOverrides", "stateOverrides", "calls");

  /** One simulated block: overrides applied before its calls run, in order. */
  public record BlockStateCall(BlockOverrides blockOverrides, StateOverrides stateOverrides, List<CallRequest> calls) {
    /** A block of the sequence that no entry asked for (a gap between given numbers). */
    static final BlockStateCall EMPTY = new BlockStateCall(BlockOverrides.NONE, StateOverrides.NONE, List.of());
  }

  /** Parses the payload; the {@link IllegalArgumentException} names the bad field. */
  public static SimulatePayload parse(JsonNode node) {
    RpcObject o = new RpcObject(node).onlyFields(FIELDS);
    return new SimulatePayload(
        o.list("blockStateCalls", SimulatePayload::blockStateCall),
        flag(o, "traceTransfers"),
        flag(o, "validation"),
        flag(o, "returnFullTransactions"));
  }

  private static boolean flag(RpcObject o, String name) {
    Boolean value = o.optional(name, RpcObject::toBoolean);
    return value != null && value;
  }

  private static BlockStateCall blockStateCall(JsonNode node) {
    RpcObject o = new RpcObject(node).onlyFields(BLOCK_FIELDS);
    BlockOverrides block = o.optional("blockOverrides", BlockOverrides::parse);
    StateOverrides state = o.optional("stateOverrides", StateOverrides::parse);
    List<CallRequest> calls = o.optionalList("calls", CallRequest::parse);
    return new BlockStateCall(block == null ? BlockOverrides.NONE : block, state == null ? StateOverrides.NONE : state,
        calls == null ? List.of() : calls);
  }
}
