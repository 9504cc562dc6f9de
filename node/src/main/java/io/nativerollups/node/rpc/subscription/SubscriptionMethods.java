package io.nativerollups.node.rpc.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.node.chain.Blockchain;
import io.nativerollups.node.chain.HeadChange;
import io.nativerollups.node.rpc.JsonRpcException;
import io.nativerollups.node.rpc.JsonRpcProcessor;
import io.nativerollups.node.rpc.RpcIds;
import io.nativerollups.node.rpc.RpcMethodRegistry;
import io.nativerollups.node.rpc.RpcObject;
import io.nativerollups.node.rpc.RpcParams;
import io.nativerollups.node.rpc.RpcSession;
import io.nativerollups.node.rpc.eth.HeadChangeLogs;
import io.nativerollups.node.rpc.eth.LogFilter;
import io.nativerollups.node.rpc.json.BlockJson;
import io.nativerollups.node.rpc.json.TransactionJson;
import io.nativerollups.node.txpool.TransactionPool;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * eth_subscribe and eth_unsubscribe over WebSocket, as {@code eth_subscription} notifications:
 * {@code newHeads} sends the header of each block that joins the canonical chain (on a reorg, those
 * of the new branch, oldest first); {@code logs} each log of those blocks that passes the filter,
 * after a reorg first the logs of the dropped blocks with {@code "removed": true};
 * {@code newPendingTransactions} the hash of each transaction the pool accepts, or the whole
 * transaction when the second parameter is {@code true} (as in geth); {@code syncing} is accepted
 * and stays silent, since this node never syncs (eth_syncing is always false). A subscription ends
 * with eth_unsubscribe or its connection; over HTTP the methods answer -32601 "notifications not
 * supported", as geth does.
 */
public final class SubscriptionMethods {
  private static final Logger LOG = LogManager.getLogger(SubscriptionMethods.class);
  private final Blockchain chain;
  private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();

  private enum Kind { NEW_HEADS, LOGS, NEW_PENDING_TRANSACTIONS, SYNCING }

  /**
   * @param logs the filter of a {@code logs} subscription, else null
   * @param fullTransactions whether a {@code newPendingTransactions} subscription wants whole transactions
   */
  private record Subscription(String id, RpcSession session, Kind kind, LogFilter logs, boolean fullTransactions) {}

  /** Listens to the chain's head changes and the pool's new transactions from now on. */
  public SubscriptionMethods(Blockchain chain, TransactionPool pool) {
    this.chain = chain;
    chain.addHeadChangeListener(this::headChanged);
    pool.addListener(this::transactionAdded);
  }

  public void registerTo(RpcMethodRegistry r) {
    r.registerMethod("eth_subscribe", this::subscribe);
    r.registerMethod("eth_unsubscribe", this::unsubscribe);
  }

  /** How many subscriptions are open (for tests and metrics). */
  public int count() {
    return subscriptions.size();
  }

  private Object subscribe(RpcParams p) {
    RpcSession session = requireSession(p);
    p.atMost(2);
    String kind = p.text(0);
    String id = RpcIds.next();
    Subscription subscription = switch (kind) {
      case "newHeads", "syncing" -> {
        p.atMost(1);
        yield new Subscription(id, session, kind.equals("newHeads") ? Kind.NEW_HEADS : Kind.SYNCING, null, false);
      }
      case "logs" -> new Subscription(id, session, Kind.LOGS,
          p.optional(1, LogFilter::forSubscription, LogFilter.forSubscription(JsonNodeFactory.instance.objectNode())), false);
      case "newPendingTransactions" ->
          new Subscription(id, session, Kind.NEW_PENDING_TRANSACTIONS, null, p.optional(1, RpcObject::toBoolean, false));
      default -> throw JsonRpcException.invalidParams("invalid argument 0: no \"" + kind
          + "\" subscription in eth namespace (newHeads, logs, newPendingTransactions and syncing are supported)");
    };
    subscriptions.put(id, subscription);
    session.onClose(() -> subscriptions.remove(id));
    return id;
  }

  private Object unsubscribe(RpcParams p) {
    RpcSession session = requireSession(p);
    p.atMost(1);
    String id = p.required(0, RpcObject::toText);
    Subscription s = subscriptions.get(id);
    if (s == null || !s.session().id().equals(session.id())) {
      return false;
    }
    return subscriptions.remove(id) != null;
  }

  private static RpcSession requireSession(RpcParams p) {
    if (p.session() == null) {
      throw new JsonRpcException(JsonRpcException.METHOD_NOT_FOUND, "notifications not supported");
    }
    return p.session();
  }

  /** Runs on the thread that moved the head: a failure here is logged, never passed to the chain. */
  private void headChanged(HeadChange change) {
    if (subscriptions.isEmpty()) {
      return;
    }
    try {
      notifySubscribers(change);
    } catch (RuntimeException e) {
      LOG.error("notifying subscriptions of a head change failed", e);
    }
  }

  private void notifySubscribers(HeadChange change) {
    List<ObjectNode> headers = change.added().stream().map(b -> BlockJson.header(b.header())).toList();
    HeadChangeLogs logs = new HeadChangeLogs(chain, change);
    for (Subscription s : subscriptions.values()) {
      switch (s.kind()) {
        case NEW_HEADS -> headers.forEach(h -> notify(s, h));
        case LOGS -> logs.matching(s.logs(), header -> true).forEach(log -> notify(s, log));
        case NEW_PENDING_TRANSACTIONS, SYNCING -> { }
      }
    }
  }

  /** Runs on the thread that added the transaction, inside the pool: a failure here is logged, never passed to the pool. */
  private void transactionAdded(Transaction tx) {
    try {
      for (Subscription s : subscriptions.values()) {
        if (s.kind() == Kind.NEW_PENDING_TRANSACTIONS) {
          notify(s, TransactionJson.pendingNotice(tx, s.fullTransactions()));
        }
      }
    } catch (RuntimeException e) {
      LOG.error("notifying subscriptions of a pending transaction failed", e);
    }
  }

  private static void notify(Subscription s, JsonNode result) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("jsonrpc", "2.0");
    n.put("method", "eth_subscription");
    ObjectNode params = n.putObject("params");
    params.put("subscription", s.id());
    params.set("result", result);
    s.session().send(JsonRpcProcessor.write(n));
  }
}
