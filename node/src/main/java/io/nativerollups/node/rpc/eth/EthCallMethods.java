package io.nativerollups.node.rpc.eth;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.node.rpc.BlockParameter;
import io.nativerollups.node.rpc.BlockResolver;
import io.nativerollups.node.rpc.RpcMethodRegistry;
import io.nativerollups.node.rpc.RpcParams;
import io.nativerollups.node.rpc.json.Hex;
import io.nativerollups.node.rpc.json.TransactionJson;

/**
 * Executing without a block: eth_call and eth_estimateGas {@code (tx, block?, stateOverrides?,
 * blockOverrides?)}, eth_createAccessList {@code (tx, block?)} and eth_simulateV1 {@code
 * (payload, block?)}, the block {@code latest} when omitted. See {@link CallSimulator} and {@link
 * BlockSimulator} for the rules and {@link BlockOverrides} for the fields.
 */
public final class EthCallMethods {
  private final BlockResolver blocks;
  private final CallSimulator simulator;
  private final BlockSimulator blockSimulator;

  public EthCallMethods(BlockResolver blocks, TransactionProcessors processors) {
    this.blocks = blocks;
    this.simulator = new CallSimulator(blocks, processors);
    this.blockSimulator = new BlockSimulator(blocks, processors);
  }

  public void registerTo(RpcMethodRegistry r) {
    r.registerMethod("eth_call", p -> {
      p.atMost(4);
      CallRequest request = p.required(0, CallRequest::parse);
      return Hex.data(simulator.call(header(p), request, overrides(p), blockOverrides(p)));
    });
    r.registerMethod("eth_estimateGas", p -> {
      p.atMost(4);
      CallRequest request = p.required(0, CallRequest::parse);
      return Hex.quantity(simulator.estimateGas(header(p), request, overrides(p), blockOverrides(p)));
    });
    r.registerMethod("eth_createAccessList", p -> {
      p.atMost(2);
      CallRequest request = p.required(0, CallRequest::parse);
      CallSimulator.AccessListResult result = simulator.createAccessList(header(p), request, StateOverrides.NONE);
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.set("accessList", TransactionJson.accessList(result.accessList()));
      o.put("gasUsed", Hex.quantity(result.gasUsed()));
      if (result.error() != null) {
        o.put("error", result.error());
      }
      return o;
    });
    r.registerMethod("eth_simulateV1", p -> {
      p.atMost(2);
      SimulatePayload payload = p.required(0, SimulatePayload::parse);
      return blockSimulator.simulate(header(p), payload);
    });
  }

  private BlockHeader header(RpcParams p) {
    return blocks.stateHeader(p.optional(1, BlockParameter::numberTagOrHash, BlockParameter.LATEST));
  }

  private static StateOverrides overrides(RpcParams p) {
    return p.optional(2, StateOverrides::parse, StateOverrides.NONE);
  }

  private static BlockOverrides blockOverrides(RpcParams p) {
    return p.optional(3, n -> BlockOverrides.parse(n).forSingleCall(), BlockOverrides.NONE);
  }
}
