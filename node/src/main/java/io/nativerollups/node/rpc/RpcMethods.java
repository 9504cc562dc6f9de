package io.nativerollups.node.rpc;

import com.fasterxml.jackson.core.type.TypeReference;
import io.nativerollups.node.rpc.debug.DebugMethods;
import io.nativerollups.node.rpc.engine.EngineMethods;
import io.nativerollups.node.rpc.eth.EthBlockMethods;
import io.nativerollups.node.rpc.eth.EthCallMethods;
import io.nativerollups.node.rpc.eth.EthFeeMethods;
import io.nativerollups.node.rpc.eth.EthLogMethods;
import io.nativerollups.node.rpc.eth.EthStateMethods;
import io.nativerollups.node.rpc.eth.EthTransactionMethods;
import io.nativerollups.node.rpc.eth.TransactionProcessors;
import io.nativerollups.node.rpc.subscription.SubscriptionMethods;
import io.nativerollups.node.rpc.testing.TestingMethods;
import io.nativerollups.node.rpc.txpool.TxPoolMethods;
import io.nativerollups.node.rpc.web3.Web3Methods;
import io.nativerollups.plugin.RpcMethodException;
import java.util.List;
import java.util.Map;

/**
 * Builds the method registries the node's servers answer from.
 *
 * <pre>{@code
 * RpcServices services = new RpcServices(chain, pool, builder, payloads, plugins, version);
 * RpcMethodRegistry api = RpcMethods.standard(services, testingEnabled);
 * RpcMethods.addPluginMethods(api, plugins.rpcMethods());
 * JsonRpcServer http = JsonRpcServer.start(vertx, rpcConfig, api);
 * EngineServer engine = EngineServer.start(vertx, engineConfig, jwtSecret, RpcMethods.engine(services, api));
 * }</pre>
 */
public final class RpcMethods {
  /** The eth methods the Engine API port must also serve (execution-apis engine/common.md). */
  public static final List<String> ENGINE_ETH_SUBSET = List.of("eth_blockNumber", "eth_call", "eth_chainId",
      "eth_getCode", "eth_getBlockByHash", "eth_getBlockByNumber", "eth_getLogs", "eth_sendRawTransaction",
      "eth_syncing");

  private RpcMethods() {}

  /**
   * The public API: web3, net, eth (subscriptions included), debug, txpool and, when {@code
   * testing} is set, testing_buildBlockV1.
   */
  public static RpcMethodRegistry standard(RpcServices s, boolean testing) {
    RpcMethodRegistry r = new RpcMethodRegistry();
    new Web3Methods(s.clientVersion(), s.chain().config().chainId()).registerTo(r);
    new EthBlockMethods(s.chain()).registerTo(r);
    new EthTransactionMethods(s.chain(), s.pool()).registerTo(r);
    new EthStateMethods(s.chain(), s.pool()).registerTo(r);
    new EthCallMethods(s.chain(), new TransactionProcessors(s.chain().config(), s.extension())).registerTo(r);
    new EthFeeMethods(s.chain()).registerTo(r);
    new EthLogMethods(s.chain()).registerTo(r);
    new SubscriptionMethods(s.chain()).registerTo(r);
    new DebugMethods(s.chain()).registerTo(r);
    new TxPoolMethods(s.pool()).registerTo(r);
    if (testing) {
      new TestingMethods(s.chain(), s.builder()).registerTo(r);
    }
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
