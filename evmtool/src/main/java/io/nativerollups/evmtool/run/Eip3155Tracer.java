package io.nativerollups.evmtool.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nativerollups.evm.tracing.FrameView;
import io.nativerollups.evm.tracing.OperationTracer;
import io.nativerollups.evmtool.statetest.Hex;
import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Writes one EIP-3155 JSON line per executed instruction: {@code pc, op, gas, gasCost, memSize,
 * stack, depth, refund, opName}, plus {@code returnData} and {@code error} when there are any, and
 * {@code memory} with {@code withMemory}. Lines come out in execution order; a call's line waits
 * until its cost (which includes the gas it passed on) is known, so its callee's lines wait too.
 */
final class Eip3155Tracer implements OperationTracer {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final PrintWriter out;
  private final boolean withMemory;
  /** Lines in execution order, not yet printed. */
  private final List<ObjectNode> unprinted = new ArrayList<>();
  /** The lines of the instructions still running, innermost first. */
  private final Deque<ObjectNode> running = new ArrayDeque<>();

  Eip3155Tracer(PrintWriter out, boolean withMemory) {
    this.out = out;
    this.withMemory = withMemory;
  }

  @Override
  public void onStepStart(int pc, int opcode, long gas, FrameView frame) {
    ObjectNode line = JSON.objectNode();
    line.put("pc", pc);
    line.put("op", opcode);
    line.put("gas", quantity(gas));
    line.put("gasCost", "0x0");
    if (withMemory) {
      line.put("memory", Hex.format(frame.memory()));
    }
    line.put("memSize", frame.memorySize());
    ArrayNode stack = line.putArray("stack");
    for (int i = frame.stackSize() - 1; i >= 0; i--) {
      stack.add(frame.stackItem(i).toHexString());
    }
    byte[] returnData = frame.returnData();
    if (returnData.length > 0) {
      line.put("returnData", Hex.format(returnData));
    }
    line.put("depth", frame.depth() + 1);
    line.put("refund", frame.refund());
    line.put("opName", frame.operationName(opcode));
    unprinted.add(line);
    running.push(line);
  }

  @Override
  public void onStepEnd(int pc, int opcode, long gasBefore, long gasCost, String error, FrameView frame) {
    ObjectNode line = running.pop();
    line.put("gasCost", quantity(gasCost));
    if (error != null) {
      line.put("error", error);
    }
    if (running.isEmpty()) {
      // a top-level instruction ended: every line so far has its cost
      unprinted.forEach(out::println);
      unprinted.clear();
      out.flush();
    }
  }

  private static String quantity(long value) {
    return "0x" + Long.toHexString(value);
  }
}
