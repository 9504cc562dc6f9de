package io.nativerollups.plugin;

/**
 * A node plugin, found with {@link java.util.ServiceLoader} in the jars of the node's
 * {@code --plugins-dir} (list the class in {@code META-INF/services/io.nativerollups.plugin.NodePlugin}).
 *
 * <p>Lifecycle: {@link #register} once, before the node parses its full command line and opens its
 * chain (declare options, precompiles, hooks, selectors and RPC methods there); {@link #start} once the
 * node runs (option values are known); {@link #stop} at shutdown. An exception from {@code register}
 * or {@code start} stops the node with a message naming the plugin.
 */
public interface NodePlugin {
  /** The name the node logs and names in errors; by default the class name. */
  default String name() {
    return getClass().getName();
  }

  /** Declares what the plugin adds. */
  void register(PluginContext context);

  /** Called when the node has started, before it produces or imports blocks. */
  default void start() {}

  /** Called at shutdown, in reverse registration order. */
  default void stop() {}
}
