package io.nativerollups.node.rpc.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.nativerollups.evm.block.Block;
import io.nativerollups.node.chain.Blockchain;
import io.nativerollups.node.rpc.JsonRpcException;
import io.nativerollups.node.rpc.RpcMethodRegistry;
import io.nativerollups.node.rpc.RpcObject;
import io.nativerollups.node.rpc.RpcParams;
import java.util.List;
import java.util.Optional;

/**
 * engine_getPayloadBodiesByHashV1 and engine_getPayloadBodiesByRangeV1: the transactions and
 * withdrawals of stored blocks, which a consensus client uses to serve blinded beacon blocks.
 */
final class PayloadBodyMethods {
  /** Most bodies one call may ask for (geth's limit; the spec asks to serve at least 32). */
  static final int MAX_REQUEST = 1024;

  private final Blockchain chain;

  PayloadBodyMethods(Blockchain chain) {
    this.chain = chain;
  }

  void registerTo(RpcMethodRegistry r) {
    r.registerMethod("engine_getPayloadBodiesByHashV1", this::byHash);
    r.registerMethod("engine_getPayloadBodiesByRangeV1", this::byRange);
  }

  /** The body of each block asked for, null for one not stored (canonical or not). */
  private ArrayNode byHash(RpcParams p) {
    p.atMost(1);
    List<byte[]> hashes = p.required(0, n -> RpcObject.toList(n, RpcObject::toHash));
    if (hashes.size() > MAX_REQUEST) {
      throw EngineMethods.tooLargeRequest();
    }
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    hashes.forEach(h -> out.add(body(chain.blockByHash(h))));
    return out;
  }

  /**
   * The bodies of the canonical blocks {@code start} to {@code start + count - 1}, cut at the head:
   * no trailing nulls for numbers past it.
   */
  private ArrayNode byRange(RpcParams p) {
    p.atMost(2);
    long start = p.quantity(0);
    long count = p.quantity(1);
    if (start == 0 || count == 0) {
      throw JsonRpcException.invalidParams("start and count must be at least 1");
    }
    if (Long.compareUnsigned(count, MAX_REQUEST) > 0) {
      throw EngineMethods.tooLargeRequest();
    }
    long head = chain.head().number();
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (long n = start; n - start < count && Long.compareUnsigned(n, head) <= 0; n++) {
      out.add(body(chain.blockByNumber(n)));
    }
    return out;
  }

  private static JsonNode body(Optional<Block> block) {
    return block.<JsonNode>map(ExecutionPayloads::body)
        .orElse(JsonNodeFactory.instance.nullNode());
  }
}
