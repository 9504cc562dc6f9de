package io.nativerollups.node.rpc.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.block.Receipt;
import io.nativerollups.node.chain.Blockchain;
import io.nativerollups.node.rpc.JsonRpcException;
import io.nativerollups.node.rpc.JsonRpcProcessor;
import io.nativerollups.node.rpc.RpcMethodRegistry;
import io.nativerollups.node.rpc.RpcObject;
import io.nativerollups.node.rpc.RpcParams;
import io.nativerollups.node.rpc.RpcSession;
import io.nativerollups.node.rpc.eth.EthLogMethods;
import io.nativerollups.node.rpc.eth.LogFilter;
import io.nativerollups.node.rpc.json.BlockJson;
import io.nativerollups.node.rpc.json.Hex;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * eth_subscribe and eth_unsubscribe over WebSocket: {@code newHeads} sends each new canonical head
 * header, {@code logs} each log of a new head block that passes the filter, as {@code
 * eth_subscription} notifications. A subscription ends with eth_unsubscribe or its connection; over
 * HTTP the methods answer -32601 "notifications not supported", as geth does.
 */
public final class SubscriptionMethods {
  private static final Logger LOG = LogManager.getLogger(SubscriptionMethods.class);
  private final Blockchain chain;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();

  private record Subscription(String id, RpcSession session, LogFilter logs) {
    boolean wantsHeads() {
      return logs == null;
    }
  }

  /** Listens to the chain's new heads from now on. */
  public SubscriptionMethods(Blockchain chain) {
    this.chain = chain;
    chain.addHeadListener(this::newHead);
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
    LogFilter filter = switch (kind) {
      case "newHeads" -> {
        p.atMost(1);
        yield null;
      }
      case "logs" -> p.optional(1, LogFilter::forSubscription, LogFilter.forSubscription(JsonNodeFactory.instance.objectNode()));
      default -> throw JsonRpcException.invalidParams("invalid argument 0: no \"" + kind
          + "\" subscription in eth namespace (newHeads and logs are supported)");
    };
    byte[] idBytes = new byte[16];
    random.nextBytes(idBytes);
    String id = Hex.data(idBytes);
    subscriptions.put(id, new Subscription(id, session, filter));
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
  private void newHead(Block block) {
    if (subscriptions.isEmpty()) {
      return;
    }
    try {
      notifySubscribers(block);
    } catch (RuntimeException e) {
      LOG.error("notifying subscriptions of block {} failed", block.header().number(), e);
    }
  }

  private void notifySubscribers(Block block) {
    ObjectNode header = null;
    List<Receipt> receipts = null;
    for (Subscription s : subscriptions.values()) {
      if (s.wantsHeads()) {
        if (header == null) {
          header = BlockJson.header(block.header());
        }
        notify(s, header);
      } else {
        if (receipts == null) {
          receipts = chain.receipts(block.header().hash());
        }
        for (ObjectNode log : EthLogMethods.matchingLogs(block, receipts, s.logs())) {
          notify(s, log);
        }
      }
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
