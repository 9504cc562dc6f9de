package io.nativerollups.node.rpc.eth;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.nativerollups.node.chain.Blockchain;
import io.nativerollups.node.rpc.BlockParameter;
import io.nativerollups.node.rpc.BlockResolver;
import io.nativerollups.node.rpc.JsonRpcException;
import io.nativerollups.node.rpc.RpcMethod;
import io.nativerollups.node.rpc.RpcMethodRegistry;
import io.nativerollups.node.rpc.RpcObject;
import io.nativerollups.node.rpc.RpcParams;
import io.nativerollups.node.txpool.TransactionPool;

/**
 * Polling filters (execution-apis eth/filter.yaml): eth_newFilter, eth_newBlockFilter,
 * eth_newPendingTransactionFilter (an optional {@code true} asks for full transaction objects, as in
 * geth), eth_getFilterChanges, eth_getFilterLogs and eth_uninstallFilter, over HTTP and WebSocket
 * alike.
 *
 * <p>A log filter takes the {@code Filter} of eth_getLogs. eth_getFilterChanges answers the logs of
 * the blocks that joined the canonical chain since the last poll, within the filter's range (its
 * tags read at each new head: {@code latest} and {@code pending} leave the range open), and after a
 * reorg first the logs of the dropped blocks with {@code "removed": true}; eth_getFilterLogs runs
 * the filter as eth_getLogs over the chain as it is. Unknown and expired ids are answered -32000
 * "filter not found", as geth answers, and so is eth_getFilterLogs with a block or transaction filter.
 */
public final class EthFilterMethods {
  private final Blockchain chain;
  private final BlockResolver blocks;
  private final EthLogMethods logs;
  private final FilterManager filters;

  /** Filters with geth's timeout and {@link FilterManager#MAX_FILTERS}, fed from now on by the chain and the pool. */
  public EthFilterMethods(Blockchain chain, TransactionPool pool) {
    this(chain, pool, new FilterManager(chain, System::nanoTime, FilterManager.MAX_FILTERS));
  }

  /** Serves and feeds {@code filters} (tests pass one with their own clock and cap). */
  EthFilterMethods(Blockchain chain, TransactionPool pool, FilterManager filters) {
    this.chain = chain;
    this.blocks = new BlockResolver(chain);
    this.logs = new EthLogMethods(chain);
    this.filters = filters;
    chain.addHeadChangeListener(filters::headChanged);
    pool.addListener(filters::transactionAdded);
  }

  public void registerTo(RpcMethodRegistry r) {
    r.registerMethod("eth_newFilter", this::newFilter);
    r.registerMethod("eth_newBlockFilter", RpcMethod.withoutParams(filters::installBlocks));
    r.registerMethod("eth_newPendingTransactionFilter", p -> {
      p.atMost(1);
      return filters.installPendingTransactions(p.optional(0, RpcObject::toBoolean, false));
    });
    r.registerMethod("eth_getFilterChanges", p -> {
      p.atMost(1);
      return JsonNodeFactory.instance.arrayNode().addAll(filters.takeChanges(p.text(0)));
    });
    r.registerMethod("eth_getFilterLogs", p -> {
      p.atMost(1);
      return logs.logs(filters.logFilter(p.text(0)));
    });
    r.registerMethod("eth_uninstallFilter", p -> {
      p.atMost(1);
      return filters.uninstall(p.text(0));
    });
  }

  /**
   * Installs a log filter after the checks eth_getLogs would make: a reversed numeric range, an
   * unknown block hash, a safe or finalized tag the forkchoice has not set.
   */
  private Object newFilter(RpcParams p) {
    p.atMost(1);
    LogFilter filter = p.required(0, LogFilter::parse);
    if (filter.blockHash() != null) {
      chain.headerByHash(filter.blockHash()).orElseThrow(() -> JsonRpcException.serverError("unknown block"));
    } else {
      EthLogMethods.checkBlockOrder(filter);
      for (BlockParameter end : new BlockParameter[] {filter.fromBlock(), filter.toBlock()}) {
        blocks.header(end); // throws -39001 for a safe or finalized block the forkchoice has not set
      }
    }
    return filters.installLogs(filter);
  }
}
