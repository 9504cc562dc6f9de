package io.nativerollups.node.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nativerollups.evm.precompile.PrecompiledContract;
import io.nativerollups.evm.types.Address;
import io.nativerollups.plugin.NodePlugin;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginLoaderTest {
  /** A jar holding only a service file naming {@code classes} (the classes come from the test class path). */
  static void serviceJar(Path jar, String... classes) throws IOException {
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
      j.putNextEntry(new JarEntry("META-INF/services/" + NodePlugin.class.getName()));
      j.write(String.join("\n", classes).getBytes(StandardCharsets.UTF_8));
      j.closeEntry();
    }
  }

  @Test
  void pluginsListedInJarsOfTheDirectoryAreLoaded(@TempDir Path dir) throws Exception {
    serviceJar(dir.resolve("a.jar"), TestPlugin.class.getName());
    Files.writeString(dir.resolve("README.txt"), "not a jar");
    List<NodePlugin> plugins = PluginLoader.load(dir, getClass().getClassLoader());
    assertEquals(1, plugins.size());
    assertInstanceOf(TestPlugin.class, plugins.get(0));
  }

  @Test
  void noDirectoryMeansNoPlugins() {
    assertEquals(List.of(), PluginLoader.load(null, getClass().getClassLoader()));
  }

  @Test
  void aMissingDirectoryOrAnUnloadablePluginIsNamed(@TempDir Path dir) throws Exception {
    PluginException missing = assertThrows(PluginException.class,
        () -> PluginLoader.load(dir.resolve("nope"), getClass().getClassLoader()));
    assertTrue(missing.getMessage().contains("nope"), missing.getMessage());
    serviceJar(dir.resolve("bad.jar"), "com.example.NoSuchPlugin");
    PluginException bad = assertThrows(PluginException.class, () -> PluginLoader.load(dir, getClass().getClassLoader()));
    assertTrue(bad.getMessage().contains("com.example.NoSuchPlugin"), bad.getMessage());
  }

  @Test
  void precompilesApplyFromTheirActivationTimeAndLaterSetsKeepEarlierOnes() {
    PluginRegistry registry = new PluginRegistry(Map.of(), 1);
    PrecompiledContract a = new TestContract();
    PrecompiledContract b = new TestContract();
    Address addrA = Address.ofLong(0x101);
    Address addrB = Address.ofLong(0x102);
    registry.registerPrecompile(addrB, 200, b);
    registry.registerPrecompile(addrA, 100, a);
    assertEquals(Map.of(), registry.precompiles(99));
    assertEquals(Map.of(addrA, a), registry.precompiles(100));
    assertEquals(Map.of(addrA, a, addrB, b), registry.precompiles(250));
    assertSame(registry.precompiles(300), registry.precompiles(250), "same set, so the EVM built for it is reused");
  }

  @Test
  void optionsGiveTheirValueOrDefaultAndCannotBeDeclaredTwice() {
    PluginRegistry registry = new PluginRegistry(Map.of(), 1);
    registry.addCliOption("--x", "x", "1");
    assertEquals("1", registry.option("x").orElseThrow());
    registry.setOptionValue("x", "2");
    assertEquals("2", registry.option("--x").orElseThrow());
    assertTrue(registry.option("y").isEmpty());
    assertThrows(IllegalArgumentException.class, () -> registry.addCliOption("x", "again", null));
    registry.addRpcMethod("test_echo", params -> params);
    assertThrows(IllegalArgumentException.class, () -> registry.addRpcMethod("test_echo", params -> null));
  }

  private static final class TestContract implements PrecompiledContract {
    @Override public String name() { return "T"; }
    @Override public long gasRequirement(byte[] input) { return 1; }
    @Override public byte[] compute(byte[] input) { return input; }
  }
}
