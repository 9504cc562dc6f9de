package io.nativerollups.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.tx.InvalidTransactionException;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.tx.TransactionDecoder;
import io.nativerollups.node.chain.Blockchain;
import io.nativerollups.node.chain.TransactionLocation;
import io.nativerollups.node.rpc.BlockParameter;
import io.nativerollups.node.rpc.BlockResolver;
import io.nativerollups.node.rpc.JsonRpcException;
import io.nativerollups.node.rpc.RpcMethodRegistry;
import io.nativerollups.node.rpc.RpcParams;
import io.nativerollups.node.rpc.json.Hex;
import io.nativerollups.node.rpc.json.ReceiptJson;
import io.nativerollups.node.rpc.json.TransactionJson;
import io.nativerollups.node.txpool.TransactionPool;
import io.nativerollups.node.txpool.TransactionRejectedException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Submitting and finding transactions: eth_sendRawTransaction, eth_getTransactionByHash,
 * eth_getTransactionByBlockHashAndIndex, eth_getTransactionByBlockNumberAndIndex,
 * eth_getTransactionReceipt. A transaction the pool refuses is answered with the pool's code and
 * message (geth's wording); one that cannot be decoded with -32000 and the decoder's reason, as
 * geth does.
 */
public final class EthTransactionMethods {
  private final Blockchain chain;
  private final TransactionPool pool;
  private final BlockResolver blocks;

  public EthTransactionMethods(BlockResolver blocks, TransactionPool pool) {
    this.chain = blocks.chain();
    this.pool = pool;
    this.blocks = blocks;
  }

  public void registerTo(RpcMethodRegistry r) {
    r.registerMethod("eth_sendRawTransaction", this::sendRawTransaction);
    r.registerMethod("eth_getTransactionByHash", this::transactionByHash);
    r.registerMethod("eth_getTransactionByBlockHashAndIndex", p -> transactionByIndex(p, EthBlockMethods::byHash));
    r.registerMethod("eth_getTransactionByBlockNumberAndIndex", p -> transactionByIndex(p, BlockParameter::numberOrTag));
    r.registerMethod("eth_getTransactionReceipt", this::receipt);
  }

  private Object sendRawTransaction(RpcParams p) {
    p.atMost(1);
    byte[] raw = p.data(0);
    TransactionDecoder.WithSidecar decoded;
    try {
      decoded = TransactionDecoder.decodeWithSidecar(raw);
    } catch (InvalidTransactionException e) {
      throw JsonRpcException.serverError(e.getMessage());
    }
    try {
      return Hex.data(pool.add(decoded.transaction(), decoded.sidecar()));
    } catch (TransactionRejectedException e) {
      throw new JsonRpcException(e.code(), e.getMessage());
    }
  }

  private Object transactionByHash(RpcParams p) {
    p.atMost(1);
    byte[] hash = p.hash(0);
    Optional<TransactionLocation> location = chain.transaction(hash);
    if (location.isPresent()) {
      TransactionLocation at = location.get();
      return chain.headerByHash(at.blockHash())
          .map(h -> TransactionJson.included(at.transaction(), inclusion(h, at.index())))
          .orElse(null);
    }
    return pool.byHash(hash).map(TransactionJson::pending).orElse(null);
  }

  private Object transactionByIndex(RpcParams p, Function<JsonNode, BlockParameter> which) {
    p.atMost(2);
    BlockParameter block = p.required(0, which);
    long index = p.quantity(1);
    return blocks.block(block)
        .filter(b -> Long.compareUnsigned(index, b.transactions().size()) < 0)
        .map(b -> TransactionJson.included(b.transactions().get((int) index), inclusion(b.header(), (int) index)))
        .orElse(null);
  }

  private Object receipt(RpcParams p) {
    p.atMost(1);
    Optional<TransactionLocation> location = chain.transaction(p.hash(0));
    if (location.isEmpty()) {
      return null;
    }
    TransactionLocation at = location.get();
    Optional<Block> block = chain.blockByHash(at.blockHash());
    if (block.isEmpty()) {
      return null;
    }
    return ReceiptJson.ofBlock(block.get(), chain.receipts(at.blockHash()), chain.config()).get(at.index());
  }

  static TransactionJson.Inclusion inclusion(BlockHeader h, int index) {
    return new TransactionJson.Inclusion(h.hash(), h.number(), h.timestamp(), index, h.baseFeePerGas());
  }
}
