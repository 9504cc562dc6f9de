package io.nativerollups.node.rpc.debug;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nativerollups.evm.processing.TransactionResult;
import io.nativerollups.evm.tracing.FrameView;
import io.nativerollups.evm.tracing.StateView;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.evm.vm.FrameState;
import io.nativerollups.node.rpc.json.Hex;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The default tracer of debug_trace* (geth's struct logger, execution-apis OpcodeTransactionTrace):
 * one entry per executed instruction with pc, op, gas before it, its cost, depth (from 1), the
 * stack (bottom first, 0x quantities), optionally memory (0x 32-byte words) and return data, the
 * refund counter (at every step, as the spec recommends; geth leaves out zero), at SLOAD and SSTORE
 * the slots of that account seen so far, and the error of an instruction that halted its frame. Result: {@code {gas, failed, returnValue,
 * structLogs}}, gas being the receipt's gas used.
 */
final class StructLogger implements JsonTracer {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final TraceOptions options;
  private final ArrayNode logs = JSON.arrayNode();
  /** The entry of each instruction still running (a call's, while its callee runs); null past the limit. */
  private final Deque<ObjectNode> running = new ArrayDeque<>();
  /** Slots read or written so far, by account, for the storage snapshots (sorted, as geth prints them). */
  private final Map<Address, Map<String, String>> storage = new HashMap<>();
  private FrameState topState;
  private byte[] topOutput = new byte[0];
  private long gasUsed;

  StructLogger(TraceOptions options) {
    this.options = options;
  }

  @Override
  public void onStepStart(int pc, int opcode, long gas, FrameView frame) {
    if (options.limit() > 0 && logs.size() >= options.limit()) {
      running.push(JSON.objectNode()); // measured but never listed
      return;
    }
    ObjectNode entry = logs.addObject();
    entry.put("pc", pc);
    entry.put("op", frame.operationName(opcode));
    entry.put("gas", gas);
    entry.put("gasCost", 0);
    entry.put("depth", frame.depth() + 1);
    if (!options.disableStack()) {
      ArrayNode stack = entry.putArray("stack");
      for (int i = frame.stackSize() - 1; i >= 0; i--) {
        stack.add(frame.stackItem(i).toHexString());
      }
    }
    if (options.enableMemory()) {
      ArrayNode memory = entry.putArray("memory");
      byte[] bytes = frame.memory();
      for (int off = 0; off < bytes.length; off += 32) {
        memory.add(Hex.data(Arrays.copyOfRange(bytes, off, off + 32)));
      }
    }
    if (options.enableReturnData()) {
      entry.put("returnData", Hex.data(frame.returnData()));
    }
    entry.put("refund", frame.refund());
    running.push(entry);
  }

  @Override
  public void onStorageAccess(UInt256 key, UInt256 value, boolean write, FrameView frame) {
    if (options.disableStorage()) {
      return;
    }
    Map<String, String> slots = storage.computeIfAbsent(frame.address(), a -> new TreeMap<>());
    slots.put(key.toPaddedHexString(), value.toPaddedHexString());
    ObjectNode entry = running.peek();
    if (entry != null && entry.has("pc")) {
      ObjectNode snapshot = entry.putObject("storage");
      slots.forEach(snapshot::put);
    }
  }

  @Override
  public void onStepEnd(int pc, int opcode, long gasBefore, long gasCost, String error, FrameView frame) {
    ObjectNode entry = running.pop();
    if (entry.has("pc")) {
      entry.put("gasCost", gasCost);
      if (error != null) {
        entry.put("error", GethErrors.of(error));
      }
    }
  }

  @Override
  public void onFrameExit(int depth, byte[] output, long gasUsed, FrameState state, String error) {
    if (depth == 0) {
      topState = state;
      topOutput = output;
    }
  }

  @Override
  public void onTransactionEnd(Transaction tx, TransactionResult result, StateView state) {
    gasUsed = result.gasUsed();
  }

  @Override
  public JsonNode result() {
    ObjectNode o = JSON.objectNode();
    o.put("gas", gasUsed);
    o.put("failed", topState != FrameState.SUCCESS);
    // the output when it succeeded, the revert data when it reverted, nothing when it halted
    o.put("returnValue", Hex.data(topState == FrameState.EXCEPTIONAL_HALT ? new byte[0] : topOutput));
    o.set("structLogs", logs);
    return o;
  }
}
