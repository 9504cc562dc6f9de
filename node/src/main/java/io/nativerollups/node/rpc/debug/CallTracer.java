package io.nativerollups.node.rpc.debug;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nativerollups.evm.processing.TransactionResult;
import io.nativerollups.evm.tracing.FrameType;
import io.nativerollups.evm.tracing.StateView;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.evm.vm.BlockContext;
import io.nativerollups.evm.vm.FrameState;
import io.nativerollups.evm.vm.Log;
import io.nativerollups.node.rpc.RpcObject;
import io.nativerollups.node.rpc.eth.CallSimulator;
import io.nativerollups.node.rpc.json.Hex;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

/**
 * geth's "callTracer": the tree of frames {@code {type, from, to, value, gas, gasUsed, input,
 * output, error, revertReason, calls, logs}}. The top frame's gas is the transaction's gas limit
 * and its gasUsed the receipt's; a nested frame's are what it was given and what it used. Output
 * is left out when empty, and on failure unless it reverted with data; a failed creation has no
 * {@code to}; STATICCALL has no value. tracerConfig: {@code onlyTopCall} (no nested frames) and
 * {@code withLog} (each frame's logs with their {@code position} among its calls; none of a frame
 * that failed or sits in one).
 */
final class CallTracer implements JsonTracer {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final boolean onlyTopCall;
  private final boolean withLog;
  private final Deque<ObjectNode> frames = new ArrayDeque<>();
  private ObjectNode top;
  private long gasLimit;
  /** Depth of the frame running now. */
  private int depth;

  private CallTracer(boolean onlyTopCall, boolean withLog) {
    this.onlyTopCall = onlyTopCall;
    this.withLog = withLog;
  }

  /**
   * Reads {@code tracerConfig} (null for the defaults) once and makes call tracers with it.
   *
   * @throws IllegalArgumentException for a bad tracerConfig
   */
  static Supplier<JsonTracer> configured(JsonNode tracerConfig) {
    if (tracerConfig == null) {
      return () -> new CallTracer(false, false);
    }
    RpcObject config = new RpcObject(tracerConfig);
    boolean onlyTopCall = TraceOptions.flag(config, "onlyTopCall");
    boolean withLog = TraceOptions.flag(config, "withLog");
    return () -> new CallTracer(onlyTopCall, withLog);
  }

  @Override
  public void onTransactionStart(Transaction tx, BlockContext block, StateView state) {
    gasLimit = tx.gasLimit();
  }

  @Override
  public void onFrameEnter(FrameType type, int depth, Address from, Address to, UInt256 value, byte[] input,
      long gas) {
    this.depth = depth;
    if (depth > 0 && onlyTopCall) {
      return;
    }
    ObjectNode frame = JSON.objectNode();
    frame.put("type", type.name());
    frame.put("from", from.toHexString());
    frame.put("gas", Hex.quantity(depth == 0 ? gasLimit : gas));
    frame.put("gasUsed", "0x0");
    frame.put("to", to.toHexString());
    frame.put("input", Hex.data(input));
    if (type != FrameType.STATICCALL) {
      frame.put("value", value.toHexString());
    }
    if (depth == 0) {
      top = frame;
    } else {
      ObjectNode parent = frames.peek();
      (parent.has("calls") ? (ArrayNode) parent.get("calls") : parent.putArray("calls")).add(frame);
    }
    frames.push(frame);
  }

  @Override
  public void onLog(Log log) {
    ObjectNode frame = frames.peek();
    if (!withLog || frame == null || (depth > 0 && onlyTopCall)) {
      return;
    }
    ObjectNode entry = (frame.has("logs") ? (ArrayNode) frame.get("logs") : frame.putArray("logs")).addObject();
    entry.put("address", log.address().toHexString());
    ArrayNode topics = entry.putArray("topics");
    log.topics().forEach(t -> topics.add(Hex.data(t)));
    entry.put("data", Hex.data(log.data()));
    entry.put("position", Hex.quantity(frame.has("calls") ? frame.get("calls").size() : 0));
  }

  @Override
  public void onFrameExit(int depth, byte[] output, long gasUsed, FrameState state, String error) {
    this.depth = depth - 1;
    if (depth > 0 && onlyTopCall) {
      return;
    }
    ObjectNode frame = frames.pop();
    frame.put("gasUsed", Hex.quantity(gasUsed));
    if (state == FrameState.SUCCESS) {
      if (output.length > 0) {
        frame.put("output", Hex.data(output));
      }
      return;
    }
    frame.put("error", GethErrors.of(error));
    if (frame.get("type").asText().startsWith("CREATE")) {
      frame.remove("to");
    }
    if (state == FrameState.REVERTED && output.length > 0) {
      frame.put("output", Hex.data(output));
      String reason = CallSimulator.errorString(output);
      if (reason != null) {
        frame.put("revertReason", reason);
      }
    }
    if (withLog) {
      dropLogs(frame);
    }
  }

  /** A failed frame's logs, and those of the frames under it, were never emitted. */
  private static void dropLogs(ObjectNode frame) {
    frame.remove("logs");
    if (frame.has("calls")) {
      frame.get("calls").forEach(call -> dropLogs((ObjectNode) call));
    }
  }

  @Override
  public void onTransactionEnd(Transaction tx, TransactionResult result, StateView state) {
    if (top != null) {
      top.put("gasUsed", Hex.quantity(result.gasUsed()));
    }
  }

  @Override
  public JsonNode result() {
    return top == null ? JSON.nullNode() : top;
  }
}
