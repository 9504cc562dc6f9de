package io.nativerollups.node.rpc.debug;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.block.InvalidBlockException;
import io.nativerollups.evm.block.Receipt;
import io.nativerollups.evm.tx.TransactionEncoder;
import io.nativerollups.evm.witness.ExecutionWitness;
import io.nativerollups.evm.witness.WitnessRecorder;
import io.nativerollups.node.chain.Blockchain;
import io.nativerollups.node.rpc.BlockParameter;
import io.nativerollups.node.rpc.BlockResolver;
import io.nativerollups.node.rpc.JsonRpcException;
import io.nativerollups.node.rpc.RpcMethodRegistry;
import io.nativerollups.node.rpc.RpcParams;
import io.nativerollups.node.rpc.json.Hex;
import java.util.List;

/**
 * Raw chain data and witnesses: debug_getRawHeader, debug_getRawBlock, debug_getRawReceipts,
 * debug_getRawTransaction and debug_executionWitness. The block parameter is a number, a tag or a
 * block hash; an unknown block is -32000 "block not found".
 *
 * <p>debug_executionWitness re-executes the stored block on its parent's state with the chain's own
 * block processor, recording every trie node, code and ancestor header it reads, and answers
 * {@code {"state": [...], "codes": [...], "headers": [...]}} (trie nodes, codes and RLP headers as
 * hex), the three lists EXECUTE's witness is made of.
 */
public final class DebugMethods {
  private final Blockchain chain;
  private final BlockResolver blocks;

  public DebugMethods(Blockchain chain) {
    this.chain = chain;
    this.blocks = new BlockResolver(chain);
  }

  public void registerTo(RpcMethodRegistry r) {
    r.registerMethod("debug_getRawHeader", p -> Hex.data(block(p).header().encode()));
    r.registerMethod("debug_getRawBlock", p -> Hex.data(block(p).encode()));
    r.registerMethod("debug_getRawReceipts", p -> {
      Block block = block(p);
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      for (Receipt receipt : chain.receipts(block.header().hash())) {
        out.add(Hex.data(receipt.encode()));
      }
      return out;
    });
    r.registerMethod("debug_getRawTransaction", p -> {
      p.atMost(1);
      return chain.transaction(p.hash(0)).map(at -> Hex.data(TransactionEncoder.encode(at.transaction()))).orElse(null);
    });
    r.registerMethod("debug_executionWitness", p -> witnessJson(witness(block(p))));
  }

  private Block block(RpcParams p) {
    p.atMost(1);
    return blocks.block(p.required(0, BlockParameter::numberTagOrHash))
        .orElseThrow(() -> JsonRpcException.serverError("block not found"));
  }

  private ExecutionWitness witness(Block block) {
    if (block.header().number() == 0) {
      throw JsonRpcException.serverError("the genesis block is not executed, it has no witness");
    }
    WitnessRecorder recorder = new WitnessRecorder(chain.blockProcessor());
    try {
      return recorder.record(block, hash -> chain.headerByHash(hash).orElse(null), chain.trieNodes(), chain.codes())
          .witness();
    } catch (InvalidBlockException e) {
      throw new JsonRpcException(JsonRpcException.INTERNAL_ERROR, "stored block fails re-execution: " + e.getMessage());
    }
  }

  private static ObjectNode witnessJson(ExecutionWitness witness) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.set("state", hexList(witness.state()));
    o.set("codes", hexList(witness.codes()));
    o.set("headers", hexList(witness.headers()));
    return o;
  }

  private static ArrayNode hexList(List<byte[]> entries) {
    ArrayNode list = JsonNodeFactory.instance.arrayNode();
    entries.forEach(e -> list.add(Hex.data(e)));
    return list;
  }
}
