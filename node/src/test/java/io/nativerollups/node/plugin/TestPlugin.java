package io.nativerollups.node.plugin;

import io.nativerollups.evm.precompile.PrecompiledContract;
import io.nativerollups.evm.types.Address;
import io.nativerollups.plugin.NodePlugin;
import io.nativerollups.plugin.PluginContext;

/** A plugin the loader tests list in a jar's service file: adds a precompile at 0x0101 from time 0. */
public final class TestPlugin implements NodePlugin {
  static final Address ADDRESS = Address.fromHex("0x0000000000000000000000000000000000000101");

  @Override
  public void register(PluginContext context) {
    context.addCliOption("test-plugin-flag", "a flag for the test", "default-value");
    context.registerPrecompile(ADDRESS, 0, new PrecompiledContract() {
      @Override public String name() { return "TEST"; }
      @Override public long gasRequirement(byte[] input) { return 1; }
      @Override public byte[] compute(byte[] input) { return input; }
    });
  }

  /** A plugin whose registration fails. */
  public static final class Failing implements NodePlugin {
    @Override
    public void register(PluginContext context) {
      throw new IllegalStateException("no EXECUTE config");
    }
  }
}
