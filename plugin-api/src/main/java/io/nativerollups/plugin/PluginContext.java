package io.nativerollups.plugin;

import io.nativerollups.evm.precompile.PrecompiledContract;
import io.nativerollups.evm.types.Address;
import java.util.Map;
import java.util.Optional;

/** What a plugin may read and add; handed to {@link NodePlugin#register}. */
public interface PluginContext {
  /** The genesis file's {@code config} object as maps, lists, strings and numbers (e.g. {@code nativeRollups}). */
  Map<String, Object> genesisConfig();

  /** The chain id. */
  long chainId();

  /**
   * Adds {@code contract} at {@code address} in every block whose timestamp is at least
   * {@code activationTime}, when building and when importing. The address is then warm in every
   * transaction like any precompile (EIP-2929).
   */
  void registerPrecompile(Address address, long activationTime, PrecompiledContract contract);

  /** Adds state operations run at the start and end of every block (consensus: built and imported alike). */
  void addBlockHook(BlockHook hook);

  /** Lets the block builder postpone transactions (building only; imports do not consult it). */
  void addTransactionSelector(TransactionSelector selector);

  /**
   * Declares a command-line option {@code --name=value} (shown by {@code --help}); its value is
   * read with {@link #option} from {@link NodePlugin#start} on.
   */
  void addCliOption(String name, String description, String defaultValue);

  /** The value of an option declared with {@link #addCliOption}: given on the command line or its default. */
  Optional<String> option(String name);

  /** Serves JSON-RPC method {@code name} on the node's HTTP and WebSocket endpoints. */
  void addRpcMethod(String name, RpcMethod method);
}
