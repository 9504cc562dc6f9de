package io.nativerollups.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nativerollups.evm.block.Block;
import io.nativerollups.node.chain.Blockchain;
import io.nativerollups.node.rpc.BlockParameter;
import io.nativerollups.node.rpc.BlockResolver;
import io.nativerollups.node.rpc.RpcMethod;
import io.nativerollups.node.rpc.RpcMethodRegistry;
import io.nativerollups.node.rpc.RpcObject;
import io.nativerollups.node.rpc.RpcParams;
import io.nativerollups.node.rpc.json.BlockJson;
import io.nativerollups.node.rpc.json.Hex;
import io.nativerollups.node.rpc.json.ReceiptJson;
import java.util.Optional;
import java.util.function.Function;

/**
 * The chain's identity and blocks: eth_chainId, eth_syncing, eth_blockNumber,
 * eth_getBlockByNumber/ByHash, eth_getHeaderByNumber/ByHash (geth's),
 * eth_getBlockTransactionCountByNumber/ByHash, eth_getBlockReceipts,
 * eth_getUncleCountByBlockHash/ByBlockNumber and eth_getUncleByBlockHashAndIndex/ByBlockNumberAndIndex
 * (there are no uncles after the merge). An unknown block is a null result, as in other clients.
 * The {@code pending} block and header come with {@code hash}, {@code nonce} and {@code miner}
 * null, as geth answers (the block is not sealed).
 */
public final class EthBlockMethods {
  private final Blockchain chain;
  private final BlockResolver blocks;

  public EthBlockMethods(BlockResolver blocks) {
    this.chain = blocks.chain();
    this.blocks = blocks;
  }

  public void registerTo(RpcMethodRegistry r) {
    r.registerMethod("eth_chainId", RpcMethod.withoutParams(() -> Hex.quantity(chain.config().chainId())));
    // a devnet node never syncs from peers: it is always at its own head
    r.registerMethod("eth_syncing", RpcMethod.withoutParams(() -> false));
    r.registerMethod("eth_blockNumber", RpcMethod.withoutParams(() -> Hex.quantity(chain.head().number())));
    r.registerMethod("eth_getBlockByNumber", p -> blockJson(p, BlockParameter::numberOrTag));
    r.registerMethod("eth_getBlockByHash", p -> blockJson(p, EthBlockMethods::byHash));
    r.registerMethod("eth_getHeaderByNumber", p -> headerJson(p, BlockParameter::numberOrTag));
    r.registerMethod("eth_getHeaderByHash", p -> headerJson(p, EthBlockMethods::byHash));
    r.registerMethod("eth_getBlockTransactionCountByNumber", p -> transactionCount(p, BlockParameter::numberOrTag));
    r.registerMethod("eth_getBlockTransactionCountByHash", p -> transactionCount(p, EthBlockMethods::byHash));
    r.registerMethod("eth_getBlockReceipts", this::blockReceipts);
    r.registerMethod("eth_getUncleCountByBlockHash", p -> uncleCount(p, EthBlockMethods::byHash));
    r.registerMethod("eth_getUncleCountByBlockNumber", p -> uncleCount(p, BlockParameter::numberOrTag));
    r.registerMethod("eth_getUncleByBlockHashAndIndex", p -> uncle(p, EthBlockMethods::byHash));
    r.registerMethod("eth_getUncleByBlockNumberAndIndex", p -> uncle(p, BlockParameter::numberOrTag));
  }

  /** A block hash parameter (the ...ByHash methods take the plain hash, no EIP-1898 object). */
  static BlockParameter byHash(JsonNode n) {
    return new BlockParameter.Hash(RpcObject.toHash(n), false);
  }

  private Object blockJson(RpcParams p, Function<JsonNode, BlockParameter> which) {
    p.atMost(2);
    BlockParameter block = p.required(0, which);
    boolean full = p.bool(1);
    return blocks.block(block).map(b -> unsealedIfPending(block, BlockJson.block(b, full))).orElse(null);
  }

  private Object headerJson(RpcParams p, Function<JsonNode, BlockParameter> which) {
    p.atMost(1);
    BlockParameter block = p.required(0, which);
    return blocks.header(block).map(h -> unsealedIfPending(block, BlockJson.header(h))).orElse(null);
  }

  /** geth leaves out what only sealing fixes (and the fee recipient it has not chosen) from the pending block. */
  private static ObjectNode unsealedIfPending(BlockParameter block, ObjectNode json) {
    if (BlockResolver.isPending(block)) {
      json.putNull("hash");
      json.putNull("nonce");
      json.putNull("miner");
    }
    return json;
  }

  private Object transactionCount(RpcParams p, Function<JsonNode, BlockParameter> which) {
    p.atMost(1);
    return blocks.block(p.required(0, which)).map(b -> Hex.quantity(b.transactions().size())).orElse(null);
  }

  /** Post-merge blocks have no uncles (ommers): zero for a known block, null for an unknown one. */
  private Object uncleCount(RpcParams p, Function<JsonNode, BlockParameter> which) {
    p.atMost(1);
    return blocks.header(p.required(0, which)).map(h -> "0x0").orElse(null);
  }

  /** No block here has an uncle, so every index is out of range: null, once the parameters are read. */
  private Object uncle(RpcParams p, Function<JsonNode, BlockParameter> which) {
    p.atMost(2);
    p.required(0, which);
    p.quantity(1);
    return null;
  }

  private Object blockReceipts(RpcParams p) {
    p.atMost(1);
    Optional<Block> block = blocks.block(p.required(0, BlockParameter::numberTagOrHash));
    if (block.isEmpty()) {
      return null;
    }
    Block b = block.get();
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    out.addAll(ReceiptJson.ofBlock(b, blocks.receipts(b), chain.config()));
    return out;
  }
}
