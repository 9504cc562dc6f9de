package io.nativerollups.node.rpc.txpool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.types.Address;
import io.nativerollups.node.rpc.RpcMethod;
import io.nativerollups.node.rpc.RpcMethodRegistry;
import io.nativerollups.node.rpc.RpcParams;
import io.nativerollups.node.rpc.json.Hex;
import io.nativerollups.node.rpc.json.TransactionJson;
import io.nativerollups.node.txpool.TransactionPool;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The txpool namespace in geth's shapes: txpool_status (how many transactions are pending and
 * queued), txpool_content and txpool_inspect ({@code pending} and {@code queued} maps keyed by the
 * sender's checksummed address, then by the nonce in decimal), txpool_contentFrom (one sender's,
 * keyed by nonce).
 */
public final class TxPoolMethods {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private final TransactionPool pool;

  public TxPoolMethods(TransactionPool pool) {
    this.pool = pool;
  }

  public void registerTo(RpcMethodRegistry r) {
    r.registerMethod("txpool_status", RpcMethod.withoutParams(() -> {
      ObjectNode o = JSON.objectNode();
      o.put("pending", Hex.quantity(pool.pendingCount()));
      o.put("queued", Hex.quantity(pool.queuedCount()));
      return o;
    }));
    r.registerMethod("txpool_content", RpcMethod.withoutParams(() -> bySender(pool.content(), TransactionJson::pending)));
    r.registerMethod("txpool_inspect", RpcMethod.withoutParams(() -> bySender(pool.content(), TxPoolMethods::summary)));
    r.registerMethod("txpool_contentFrom", this::contentFrom);
  }

  private Object contentFrom(RpcParams p) {
    p.atMost(1);
    Address sender = p.address(0);
    TransactionPool.Content content = pool.content(sender);
    ObjectNode o = JSON.objectNode();
    o.set("pending", byNonce(content.pending().getOrDefault(sender, List.of()), TransactionJson::pending));
    o.set("queued", byNonce(content.queued().getOrDefault(sender, List.of()), TransactionJson::pending));
    return o;
  }

  private static ObjectNode bySender(TransactionPool.Content content, Function<Transaction, JsonNode> shown) {
    ObjectNode o = JSON.objectNode();
    o.set("pending", bySender(content.pending(), shown));
    o.set("queued", bySender(content.queued(), shown));
    return o;
  }

  private static ObjectNode bySender(Map<Address, List<Transaction>> txs, Function<Transaction, JsonNode> shown) {
    ObjectNode o = JSON.objectNode();
    txs.forEach((sender, list) -> o.set(sender.toChecksumHexString(), byNonce(list, shown)));
    return o;
  }

  private static ObjectNode byNonce(List<Transaction> txs, Function<Transaction, JsonNode> shown) {
    ObjectNode o = JSON.objectNode();
    txs.forEach(tx -> o.set(Long.toUnsignedString(tx.nonce()), shown.apply(tx)));
    return o;
  }

  /** geth's one-line form: {@code "0xTo: 1 wei + 21000 gas × 1000000000 wei"}, the price being the fee cap. */
  private static JsonNode summary(Transaction tx) {
    String to = tx.to() == null ? "contract creation" : tx.to().toChecksumHexString();
    return JSON.textNode(to + ": " + tx.value().toBigInteger() + " wei + " + Long.toUnsignedString(tx.gasLimit())
        + " gas × " + tx.maxFeePerGas().toBigInteger() + " wei");
  }
}
