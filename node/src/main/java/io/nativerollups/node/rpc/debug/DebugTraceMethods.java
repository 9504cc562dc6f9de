package io.nativerollups.node.rpc.debug;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.tracing.OperationTracer;
import io.nativerollups.evm.tx.TransactionHasher;
import io.nativerollups.node.chain.Blockchain;
import io.nativerollups.node.chain.TransactionLocation;
import io.nativerollups.node.rpc.BlockParameter;
import io.nativerollups.node.rpc.BlockResolver;
import io.nativerollups.node.rpc.JsonRpcException;
import io.nativerollups.node.rpc.RpcMethodRegistry;
import io.nativerollups.node.rpc.RpcParams;
import io.nativerollups.node.rpc.eth.CallRequest;
import io.nativerollups.node.rpc.eth.CallSimulator;
import io.nativerollups.node.rpc.eth.TransactionProcessors;
import io.nativerollups.node.rpc.json.Hex;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Transaction tracing as geth serves it (execution-apis debug/trace.yaml):
 * debug_traceTransaction {@code (txHash, config?)}, debug_traceBlockByNumber {@code (block,
 * config?)}, debug_traceBlockByHash {@code (hash, config?)} and debug_traceCall {@code (call,
 * block?, config?)}, the config being a {@link TraceOptions} (debug_traceCall's may carry
 * {@code stateOverrides} and {@code blockOverrides}, as geth's does).
 *
 * <p>A stored transaction is traced by replaying its block on the parent's state up to it ({@link
 * BlockReplayer}); a call runs as eth_call runs it ({@link CallSimulator}). Blocks answer {@code
 * [{txHash, result}]} in transaction order. Unknown transactions and blocks, the genesis block and
 * a run past the timeout are -32000; bad parameters, an unknown tracer or a bad tracerConfig -32602.
 */
public final class DebugTraceMethods {
  private final Blockchain chain;
  private final BlockResolver blocks;
  private final BlockReplayer replayer;
  private final CallSimulator simulator;

  public DebugTraceMethods(BlockResolver blocks, TransactionProcessors processors) {
    this.chain = blocks.chain();
    this.blocks = blocks;
    this.replayer = new BlockReplayer(blocks);
    this.simulator = new CallSimulator(blocks, processors);
  }

  public void registerTo(RpcMethodRegistry r) {
    r.registerMethod("debug_traceTransaction", p -> {
      p.atMost(2);
      byte[] hash = p.hash(0);
      TraceRequest request = request(p, 1);
      TransactionLocation at = chain.transaction(hash)
          .orElseThrow(() -> JsonRpcException.serverError("transaction " + Hex.data(hash) + " not found"));
      Block block = chain.blockByHash(at.blockHash())
          .orElseThrow(() -> JsonRpcException.serverError("block " + Hex.data(at.blockHash()) + " not found"));
      JsonTracer tracer = request.tracers().get();
      run(() -> replayer.replay(block, at.index(), i -> i == at.index() ? request.limited(tracer) : null));
      return tracer.result();
    });
    r.registerMethod("debug_traceBlockByNumber", p -> {
      p.atMost(2);
      BlockParameter which = p.required(0, BlockParameter::numberOrTag);
      TraceRequest request = request(p, 1);
      return traceBlock(blocks.block(which).orElseThrow(() -> JsonRpcException.serverError("block not found")),
          request);
    });
    r.registerMethod("debug_traceBlockByHash", p -> {
      p.atMost(2);
      byte[] hash = p.hash(0);
      TraceRequest request = request(p, 1);
      return traceBlock(chain.blockByHash(hash)
          .orElseThrow(() -> JsonRpcException.serverError("block " + Hex.data(hash) + " not found")), request);
    });
    r.registerMethod("debug_traceCall", p -> {
      p.atMost(3);
      CallRequest call = p.required(0, CallRequest::parse);
      BlockHeader header = blocks.stateHeader(p.optional(1, BlockParameter::numberTagOrHash, BlockParameter.LATEST));
      TraceRequest request = request(p, 2);
      JsonTracer tracer = request.tracers().get();
      run(() -> simulator.trace(header, call, request.options().stateOverrides(),
          request.options().blockOverrides(), request.limited(tracer)));
      return tracer.result();
    });
  }

  private JsonNode traceBlock(Block block, TraceRequest request) {
    int count = block.transactions().size();
    List<JsonTracer> tracers = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      tracers.add(request.tracers().get());
    }
    OperationTracer[] limited = tracers.stream().map(request::limited).toArray(OperationTracer[]::new);
    run(() -> replayer.replay(block, count - 1, i -> limited[i]));
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (int i = 0; i < count; i++) {
      out.addObject()
          .put("txHash", Hex.data(TransactionHasher.hash(block.transactions().get(i))))
          .set("result", tracers.get(i).result());
    }
    return out;
  }

  /** Runs a traced execution, turning a timeout into geth's error. */
  private static void run(Runnable traced) {
    try {
      traced.run();
    } catch (TimeLimitedTracer.TimedOut e) {
      throw JsonRpcException.serverError(e.getMessage());
    }
  }

  /** One request's options, its tracer maker and its deadline, fixed when the request arrives. */
  private record TraceRequest(TraceOptions options, Supplier<JsonTracer> tracers, long deadlineNanos) {
    OperationTracer limited(JsonTracer tracer) {
      return new TimeLimitedTracer(tracer, deadlineNanos);
    }
  }

  private static TraceRequest request(RpcParams p, int index) {
    TraceOptions options = p.optional(index, TraceOptions::parse, TraceOptions.DEFAULTS);
    Supplier<JsonTracer> tracers;
    try {
      tracers = Tracers.forOptions(options);
    } catch (IllegalArgumentException e) {
      throw JsonRpcException.invalidParams("invalid argument " + index + ": " + e.getMessage());
    }
    return new TraceRequest(options, tracers, System.nanoTime() + options.timeout().toNanos());
  }
}
