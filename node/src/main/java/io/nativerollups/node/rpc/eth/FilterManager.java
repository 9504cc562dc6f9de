package io.nativerollups.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.node.chain.Blockchain;
import io.nativerollups.node.chain.HeadChange;
import io.nativerollups.node.rpc.BlockParameter;
import io.nativerollups.node.rpc.BlockResolver;
import io.nativerollups.node.rpc.JsonRpcException;
import io.nativerollups.node.rpc.RpcIds;
import io.nativerollups.node.rpc.json.Hex;
import io.nativerollups.node.rpc.json.TransactionJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The filters installed by eth_newFilter, eth_newBlockFilter and eth_newPendingTransactionFilter,
 * each with what it collected since it was last polled: the logs of head changes (those of dropped
 * blocks marked removed), the hashes of new canonical blocks, or the transactions the pool accepted.
 *
 * <p>A filter not polled with eth_getFilterChanges for {@link #TIMEOUT} expires, as in geth;
 * expired filters are swept whenever filters are installed, polled or fed. At most {@code
 * maxFilters} are installed at once, which with the timeout bounds the memory filters hold.
 *
 * <p>Thread-safe: the RPC threads, the thread moving the head and the threads adding transactions
 * meet here under one lock.
 */
public final class FilterManager {
  private static final Logger LOG = LogManager.getLogger(FilterManager.class);
  /** How long a filter lives without a poll: geth's deadline. */
  public static final Duration TIMEOUT = Duration.ofMinutes(5);
  /** The default cap on installed filters. */
  public static final int MAX_FILTERS = 1024;

  private final Blockchain chain;
  private final BlockResolver blocks;
  private final LongSupplier nanoTime;
  private final int maxFilters;
  private final Map<String, Filter> filters = new HashMap<>();

  /** What a filter collects: logs, block hashes or pending transactions (hashes or full objects). */
  private enum Kind { LOGS, BLOCKS, PENDING_TRANSACTIONS }

  private static final class Filter {
    final Kind kind;
    final LogFilter logs;
    final boolean fullTransactions;
    final List<JsonNode> changes = new ArrayList<>();
    long lastPolled;

    Filter(Kind kind, LogFilter logs, boolean fullTransactions, long now) {
      this.kind = kind;
      this.logs = logs;
      this.fullTransactions = fullTransactions;
      this.lastPolled = now;
    }
  }

  /**
   * @param nanoTime the monotonic clock expiry is measured with ({@link System#nanoTime} in the node)
   * @param maxFilters how many filters may be installed at once
   */
  public FilterManager(Blockchain chain, LongSupplier nanoTime, int maxFilters) {
    this.chain = chain;
    this.blocks = new BlockResolver(chain);
    this.nanoTime = nanoTime;
    this.maxFilters = maxFilters;
  }

  /** Installs a log filter whose range and block hash the caller has checked; returns its id. */
  public String installLogs(LogFilter filter) {
    return install(Kind.LOGS, filter, false);
  }

  /** Installs a filter of new canonical block hashes; returns its id. */
  public String installBlocks() {
    return install(Kind.BLOCKS, null, false);
  }

  /** Installs a filter of the transactions the pool accepts, as hashes or full objects; returns its id. */
  public String installPendingTransactions(boolean fullTransactions) {
    return install(Kind.PENDING_TRANSACTIONS, null, fullTransactions);
  }

  private synchronized String install(Kind kind, LogFilter logs, boolean fullTransactions) {
    long now = nanoTime.getAsLong();
    sweep(now);
    if (filters.size() >= maxFilters) {
      throw new JsonRpcException(JsonRpcException.LIMIT_EXCEEDED, "too many installed filters (at most " + maxFilters
          + "): uninstall some with eth_uninstallFilter or let them expire");
    }
    String id = RpcIds.next();
    filters.put(id, new Filter(kind, logs, fullTransactions, now));
    return id;
  }

  /**
   * What filter {@code id} collected since its last poll, in arrival order; restarts its timeout.
   *
   * @throws JsonRpcException -32000 "filter not found" (geth's answer) for an unknown or expired id
   */
  public synchronized List<JsonNode> takeChanges(String id) {
    long now = nanoTime.getAsLong();
    sweep(now);
    Filter f = filters.get(id);
    if (f == null) {
      throw notFound();
    }
    f.lastPolled = now;
    List<JsonNode> changes = List.copyOf(f.changes);
    f.changes.clear();
    return changes;
  }

  /**
   * The criteria of log filter {@code id} (eth_getFilterLogs); does not restart its timeout, as in geth.
   *
   * @throws JsonRpcException -32000 "filter not found", also for a block or transaction filter (geth's answer)
   */
  public synchronized LogFilter logFilter(String id) {
    sweep(nanoTime.getAsLong());
    Filter f = filters.get(id);
    if (f == null || f.kind != Kind.LOGS) {
      throw notFound();
    }
    return f.logs;
  }

  /** Removes filter {@code id}; false when there was none. */
  public synchronized boolean uninstall(String id) {
    sweep(nanoTime.getAsLong());
    return filters.remove(id) != null;
  }

  /** How many filters are installed and not expired. */
  public synchronized int count() {
    sweep(nanoTime.getAsLong());
    return filters.size();
  }

  /**
   * Feeds a head change to the filters: block filters get the hashes of the blocks that joined the
   * canonical chain, log filters the matching logs in their range. Never throws into the chain.
   */
  public void headChanged(HeadChange change) {
    try {
      feed(change);
    } catch (RuntimeException e) {
      LOG.error("feeding the filters a head change failed", e);
    }
  }

  private synchronized void feed(HeadChange change) {
    sweep(nanoTime.getAsLong());
    HeadChangeLogs logs = null;
    List<JsonNode> blockHashes = null;
    for (Filter f : filters.values()) {
      switch (f.kind) {
        case BLOCKS -> {
          // hashed once per change, not once per block filter (the nodes are immutable, so they can be shared)
          if (blockHashes == null) {
            blockHashes = new ArrayList<>(change.added().size());
            for (Block b : change.added()) {
              blockHashes.add(TextNode.valueOf(Hex.data(b.header().hash())));
            }
          }
          f.changes.addAll(blockHashes);
        }
        case LOGS -> {
          if (logs == null) {
            logs = new HeadChangeLogs(chain, change);
          }
          f.changes.addAll(logs.matching(f.logs, header -> covers(f.logs, header)));
        }
        case PENDING_TRANSACTIONS -> { }
      }
    }
  }

  /** Feeds a transaction the pool accepted to the pending-transaction filters. Never throws into the pool. */
  public void transactionAdded(Transaction tx) {
    try {
      feed(tx);
    } catch (RuntimeException e) {
      LOG.error("feeding the filters a pending transaction failed", e);
    }
  }

  private synchronized void feed(Transaction tx) {
    sweep(nanoTime.getAsLong());
    for (Filter f : filters.values()) {
      if (f.kind == Kind.PENDING_TRANSACTIONS) {
        f.changes.add(TransactionJson.pendingNotice(tx, f.fullTransactions));
      }
    }
  }

  /** Whether {@code header}'s block lies in the filter's block hash or range, its tags read as they are now. */
  private boolean covers(LogFilter filter, BlockHeader header) {
    if (filter.blockHash() != null) {
      return Arrays.equals(filter.blockHash(), header.hash());
    }
    OptionalLong from = bound(filter.fromBlock(), 0);
    OptionalLong to = bound(filter.toBlock(), Long.MAX_VALUE);
    return from.isPresent() && to.isPresent()
        && header.number() >= from.getAsLong() && header.number() <= to.getAsLong();
  }

  /**
   * The block number a range end stands for: {@code open} for latest and pending (every new head is
   * in range); empty while the forkchoice names no safe or finalized block (no block is in range).
   */
  private OptionalLong bound(BlockParameter p, long open) {
    return switch (p) {
      case BlockParameter.Number n -> OptionalLong.of(n.number());
      case BlockParameter.Named n when n.tag() == BlockParameter.Tag.LATEST || n.tag() == BlockParameter.Tag.PENDING ->
          OptionalLong.of(open);
      default -> {
        try {
          yield blocks.header(p).map(h -> OptionalLong.of(h.number())).orElse(OptionalLong.empty());
        } catch (JsonRpcException e) {
          yield OptionalLong.empty();
        }
      }
    };
  }

  private void sweep(long now) {
    filters.values().removeIf(f -> now - f.lastPolled >= TIMEOUT.toNanos());
  }

  private static JsonRpcException notFound() {
    return JsonRpcException.serverError("filter not found");
  }
}
