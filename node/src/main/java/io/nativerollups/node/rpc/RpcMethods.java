package io.nativerollups.node.rpc;

import com.fasterxml.jackson.core.type.TypeReference;
import io.nativerollups.node.rpc.debug.DebugMethods;
import io.nativerollups.node.rpc.debug.DebugTraceMethods;
import io.nativerollups.node.rpc.engine.EngineMethods;
import io.nativerollups.node.rpc.eth.EthAccountMethods;
import io.nativerollups.node.rpc.eth.EthBlockMethods;
import io.nativerollups.node.rpc.eth.EthCallMethods;
import io.nativerollups.node.rpc.eth.EthConfigMethods;
import io.nativerollups.node.rpc.eth.EthFeeMethods;
import io.nativerollups.node.rpc.eth.EthFilterMethods;
import io.nativerollups.node.rpc.eth.EthLogMethods;
import io.nativerollups.node.rpc.eth.EthStateMethods;
import io.nativerollups.node.rpc.eth.EthTransactionMethods;
import io.nativerollups.node.rpc.eth.TransactionProcessors;
import io.nativerollups.node.rpc.subscription.SubscriptionMethods;
import io.nativerollups.node.rpc.testing.TestingMethods;
import io.nativerollups.node.rpc.txpool.TxPoolMethods;
import io.nativerollups.node.rpc.web3.Web3Methods;
import io.nativerollups.plugin.RpcMethodException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the method registries the node's servers answer from.
 *
 * <pre>{@code
 * RpcServices services = new RpcServices(chain, pool, builder, payloads, plugins, version, coinbase, devMode);
 * RpcMethodRegistry api = RpcMethods.standard(services);
 * RpcMethods.addPluginMethods(api, plugins.rpcMethods());
 * JsonRpcServer http = JsonRpcServer.start(vertx, rpcConfig, RpcMethods.exposed(api, namespaces, plugins.rpcMethods().keySet()));
 * EngineServer engine = EngineServer.start(vertx, engineConfig, jwtSecret, RpcMethods.engine(services, api));
 * }</pre>
 */
public final class RpcMethods {
  /** The eth methods the Engine API port must also serve (execution-apis engine/common.md). */
  public static final List<String> ENGINE_ETH_SUBSET = List.of("eth_blockNumber", "eth_call", "eth_chainId",
      "eth_getCode", "eth_getBlockByHash", "eth_getBlockByNumber", "eth_getLogs", "eth_sendRawTransaction",
      "eth_syncing");

  /** The namespaces of the public API, as --rpc-http-api and --rpc-ws-api name them. */
  public static final Set<String> NAMESPACES = Set.of("ETH", "NET", "WEB3", "DEBUG", "TXPOOL", "TESTING");

  private RpcMethods() {}

  /**
   * The methods of {@code all} whose namespace (the name's part before '_', any case) is in {@code
   * namespaces}, plus the methods named in {@code alwaysServed} (plugins', which a user asked for by
   * loading the plugin).
   */
  public static RpcMethodRegistry exposed(RpcMethodRegistry all, Set<String> namespaces, Set<String> alwaysServed) {
    Set<String> upper = new HashSet<>();
    namespaces.forEach(n -> upper.add(n.toUpperCase(Locale.ROOT)));
    return all.retaining(name -> alwaysServed.contains(name)
        || upper.contains(name.substring(0, Math.max(0, name.indexOf('_'))).toUpperCase(Locale.ROOT)));
  }

  /**
   * The public API: web3, net, eth (subscriptions included), debug, txpool and testing; which of
   * them a server answers is chosen with {@link #exposed}.
   */
  public static RpcMethodRegistry standard(RpcServices s) {
    RpcMethodRegistry r = new RpcMethodRegistry();
    new Web3Methods(s.clientVersion(), s.chain().config().chainId()).registerTo(r);
    BlockResolver blocks = new BlockResolver(s.chain(),
        new PendingBlock(s.chain(), s.pool(), s.builder(), () -> Instant.now().getEpochSecond()));
    new EthBlockMethods(blocks).registerTo(r);
    new EthTransactionMethods(blocks, s.pool()).registerTo(r);
    new EthStateMethods(blocks, s.pool()).registerTo(r);
    TransactionProcessors processors = new TransactionProcessors(s.chain().config(), s.extension());
    new EthCallMethods(blocks, processors).registerTo(r);
    new EthConfigMethods(s.chain(), processors).registerTo(r);
    new EthFeeMethods(s.chain()).registerTo(r);
    new EthLogMethods(s.chain()).registerTo(r);
    new EthFilterMethods(s.chain(), s.pool()).registerTo(r);
    new SubscriptionMethods(s.chain(), s.pool()).registerTo(r);
    new DebugMethods(s.chain()).registerTo(r);
    new DebugTraceMethods(blocks, processors).registerTo(r);
    new TxPoolMethods(s.pool()).registerTo(r);
    new EthAccountMethods(s.coinbase(), s.mining()).registerTo(r);
    new TestingMethods(s.chain(), s.builder()).registerTo(r);
    return r;
  }

  /** The Engine API port's methods: the engine namespace and {@link #ENGINE_ETH_SUBSET} taken from {@code standard}. */
  public static RpcMethodRegistry engine(RpcServices s, RpcMethodRegistry standard) {
    RpcMethodRegistry r = new RpcMethodRegistry();
    new EngineMethods(s.chain(), s.payloads(), s.pool(), s.clientVersion()).registerTo(r);
    for (String name : ENGINE_ETH_SUBSET) {
      r.registerMethod(name, standard.get(name));
    }
    return r;
  }

  /**
   * Serves plugins' methods from {@code registry}: parameters are handed over as plain Java values
   * (maps, lists, strings, numbers, booleans, null), a {@link RpcMethodException} becomes the error
   * response with its code and message.
   *
   * @throws IllegalArgumentException when a plugin method's name is already taken
   */
  public static void addPluginMethods(RpcMethodRegistry registry, Map<String, io.nativerollups.plugin.RpcMethod> methods) {
    methods.forEach((name, method) -> registry.registerMethod(name, params -> {
      List<Object> values = params.size() == 0 ? List.of()
          : JsonRpcProcessor.MAPPER.convertValue(params.rawArray(), new TypeReference<List<Object>>() {});
      try {
        return method.call(values);
      } catch (RpcMethodException e) {
        throw new JsonRpcException(e.code(), e.getMessage());
      }
    }));
  }
}
