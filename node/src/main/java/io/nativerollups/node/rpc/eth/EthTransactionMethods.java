package io.nativerollups.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.fork.Fork;
import io.nativerollups.evm.tx.BlobSidecar;
import io.nativerollups.evm.tx.InvalidTransactionException;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.tx.TransactionDecoder;
import io.nativerollups.node.chain.Blockchain;
import io.nativerollups.node.chain.TransactionLocation;
import io.nativerollups.node.rpc.BlockParameter;
import io.nativerollups.node.rpc.BlockResolver;
import io.nativerollups.node.rpc.JsonRpcException;
import io.nativerollups.node.rpc.RpcMethodRegistry;
import io.nativerollups.node.rpc.RpcObject;
import io.nativerollups.node.rpc.RpcParams;
import io.nativerollups.node.rpc.json.Hex;
import io.nativerollups.node.rpc.json.ReceiptJson;
import io.nativerollups.node.rpc.json.TransactionJson;
import io.nativerollups.node.txpool.TransactionPool;
import io.nativerollups.node.txpool.TransactionRejectedException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Submitting and finding transactions: eth_sendRawTransaction, eth_sendRawTransactionSync
 * (EIP-7966), eth_getTransactionByHash, eth_getTransactionByBlockHashAndIndex,
 * eth_getTransactionByBlockNumberAndIndex, eth_getTransactionReceipt. A transaction the pool
 * refuses is answered with the pool's code and message (geth's wording); one that cannot be decoded
 * with -32000 and the decoder's reason, as geth does. A blob transaction sent with one proof per
 * blob when the next block wants cell proofs (Osaka) has its cell proofs computed first, as geth
 * does; the other way round the pool refuses it with a message saying which form it wants.
 */
public final class EthTransactionMethods {
  /** EIP-7966's recommended wait for eth_sendRawTransactionSync, used when the caller names none or an invalid one. */
  public static final long DEFAULT_SYNC_TIMEOUT_MILLIS = 2_000;
  /** The longest a caller may make eth_sendRawTransactionSync wait (geth's default maximum). */
  public static final long MAX_SYNC_TIMEOUT_MILLIS = 60_000;
  /** EIP-7966: the transaction is pooled but no receipt came within the timeout. */
  public static final int SYNC_TIMEOUT = 4;
  /** EIP-7966: the transaction would wait behind a nonce gap, so it is not pooled. */
  public static final int SYNC_NONCE_GAP = 6;

  private final Blockchain chain;
  private final TransactionPool pool;
  private final BlockResolver blocks;
  /** Notified on each new head, for eth_sendRawTransactionSync's waits. */
  private final Object headMoved = new Object();

  public EthTransactionMethods(BlockResolver blocks, TransactionPool pool) {
    this.chain = blocks.chain();
    this.pool = pool;
    this.blocks = blocks;
    chain.addHeadListener(block -> {
      synchronized (headMoved) {
        headMoved.notifyAll();
      }
    });
  }

  public void registerTo(RpcMethodRegistry r) {
    r.registerMethod("eth_sendRawTransaction", this::sendRawTransaction);
    r.registerMethod("eth_sendRawTransactionSync", this::sendRawTransactionSync);
    r.registerMethod("eth_getTransactionByHash", this::transactionByHash);
    r.registerMethod("eth_getTransactionByBlockHashAndIndex", p -> transactionByIndex(p, EthBlockMethods::byHash));
    r.registerMethod("eth_getTransactionByBlockNumberAndIndex", p -> transactionByIndex(p, BlockParameter::numberOrTag));
    r.registerMethod("eth_getTransactionReceipt", this::receipt);
  }

  private Object sendRawTransaction(RpcParams p) {
    p.atMost(1);
    return Hex.data(submit(decode(p.data(0))));
  }

  /**
   * EIP-7966: pools the transaction unless it would be queued behind a nonce gap (error 6 with the
   * nonce expected), then waits for its receipt up to the caller's timeout in milliseconds (a JSON
   * integer or a hex QUANTITY; zero or above {@link #MAX_SYNC_TIMEOUT_MILLIS} falls back to
   * {@link #DEFAULT_SYNC_TIMEOUT_MILLIS} as the EIP says); error 4 with the hash when none came.
   */
  private Object sendRawTransactionSync(RpcParams p) {
    p.atMost(2);
    TransactionDecoder.WithSidecar decoded = decode(p.data(0));
    long timeout = p.optional(1, EthTransactionMethods::milliseconds, DEFAULT_SYNC_TIMEOUT_MILLIS);
    if (timeout == 0 || timeout > MAX_SYNC_TIMEOUT_MILLIS) {
      timeout = DEFAULT_SYNC_TIMEOUT_MILLIS;
    }
    Transaction tx = decoded.transaction();
    if (tx.sender() != null) {
      long expected = pool.nextNonce(tx.sender());
      if (Long.compareUnsigned(tx.nonce(), expected) > 0) {
        throw new JsonRpcException(SYNC_NONCE_GAP,
            "The transaction was rejected due to a nonce gap. Please resubmit with the next on-chain nonce.",
            Hex.quantity(expected));
      }
    }
    byte[] hash = submit(decoded);
    long deadline = System.nanoTime() + timeout * 1_000_000;
    synchronized (headMoved) {
      while (true) {
        Object receipt = receiptOf(hash);
        long left = deadline - System.nanoTime();
        if (receipt != null) {
          return receipt;
        }
        if (left <= 0) {
          throw new JsonRpcException(SYNC_TIMEOUT, "The transaction was added to the mempool but wasn't processed"
              + " within the designated timeout interval.", Hex.data(hash));
        }
        try {
          headMoved.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new JsonRpcException(JsonRpcException.INTERNAL_ERROR, "interrupted while waiting for the receipt");
        }
      }
    }
  }

  /** A timeout in milliseconds: a JSON integer (EIP-7966's example) or a hex QUANTITY (geth). */
  private static long milliseconds(JsonNode n) {
    if (n.isIntegralNumber()) {
      if (!n.canConvertToLong() || n.longValue() < 0) {
        throw new IllegalArgumentException("timeout must be a non-negative number of milliseconds, got " + n);
      }
      return n.longValue();
    }
    return RpcObject.toLong(n);
  }

  private static TransactionDecoder.WithSidecar decode(byte[] raw) {
    try {
      return TransactionDecoder.decodeWithSidecar(raw);
    } catch (InvalidTransactionException e) {
      throw JsonRpcException.serverError(e.getMessage());
    }
  }

  /** Pools a decoded transaction, first giving a blob sidecar the cell proofs the next block's fork wants. */
  private byte[] submit(TransactionDecoder.WithSidecar decoded) {
    BlobSidecar sidecar = decoded.sidecar();
    if (sidecar != null && !sidecar.cellProofs()
        && chain.config().forkAt(chain.head().timestamp() + 1).rules().isAtLeast(Fork.OSAKA)) {
      try {
        sidecar = sidecar.withCellProofs();
      } catch (InvalidTransactionException e) {
        throw JsonRpcException.serverError("blob sidecar conversion failed: " + e.getMessage());
      }
    }
    try {
      return pool.add(decoded.transaction(), sidecar);
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
    return receiptOf(p.hash(0));
  }

  /** The receipt of an included transaction as eth_getTransactionReceipt answers it, or null. */
  private Object receiptOf(byte[] hash) {
    Optional<TransactionLocation> location = chain.transaction(hash);
    if (location.isEmpty()) {
      return null;
    }
    TransactionLocation at = location.get();
    Optional<Block> block = chain.blockByHash(at.blockHash());
    if (block.isEmpty()) {
      return null;
    }
    return ReceiptJson.of(block.get(), chain.receipts(at.blockHash()), at.index(), chain.config());
  }

  static TransactionJson.Inclusion inclusion(BlockHeader h, int index) {
    return new TransactionJson.Inclusion(h.hash(), h.number(), h.timestamp(), index, h.baseFeePerGas());
  }
}
