package io.nativerollups.node.rpc.txpool;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nativerollups.node.rpc.RpcMethod;
import io.nativerollups.node.rpc.RpcMethodRegistry;
import io.nativerollups.node.rpc.json.Hex;
import io.nativerollups.node.txpool.TransactionPool;

/** txpool_status: how many transactions are pending (ready) and queued (behind a nonce gap). */
public final class TxPoolMethods {
  private final TransactionPool pool;

  public TxPoolMethods(TransactionPool pool) {
    this.pool = pool;
  }

  public void registerTo(RpcMethodRegistry r) {
    r.registerMethod("txpool_status", RpcMethod.withoutParams(() -> {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("pending", Hex.quantity(pool.pendingCount()));
      o.put("queued", Hex.quantity(pool.queuedCount()));
      return o;
    }));
  }
}
