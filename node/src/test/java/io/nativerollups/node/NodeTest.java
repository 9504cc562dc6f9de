package io.nativerollups.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nativerollups.evm.types.Address;
import io.nativerollups.node.plugin.PluginException;
import io.nativerollups.node.plugin.TestPlugin;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class NodeTest {
  private static final String GENESIS = Path.of("..", "genesis", "l1-dev.json").toString();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Node.run(args, new PrintStream(out, true), new PrintStream(err, true));
  }

  /** A node configured by {@code args}, not started. */
  private Node configured(String... args) {
    Node node = new Node(new PrintStream(out, true));
    String[] all = java.util.stream.Stream.concat(java.util.stream.Stream.of("--rpc-http-port", "0", "--rpc-ws-port", "0",
        "--engine-rpc-port", "0"), java.util.Arrays.stream(args)).toArray(String[]::new);
    Node.commandLine(node, new PrintStream(out), new PrintStream(err)).parseArgs(all);
    return node;
  }

  @Test
  void helpListsBesuNamedFlags() {
    assertEquals(0, run("--help"));
    String help = out.toString();
    for (String flag : new String[] {"--genesis-file", "--data-path", "--rpc-http-host", "--rpc-http-port",
        "--rpc-ws-port", "--engine-rpc-port", "--engine-jwt-secret", "--metrics-port", "--in-memory", "--block-time",
        "--plugins-dir"}) {
      assertTrue(help.contains(flag), flag);
    }
  }

  @Test
  void helpListsTheOptionsOfPlugins(@TempDir Path dir) throws Exception {
    jar(dir.resolve("test.jar"), TestPlugin.class.getName());
    assertEquals(0, run("--help", "--genesis-file", GENESIS, "--plugins-dir", dir.toString()));
    assertTrue(out.toString().contains("--test-plugin-flag=<value>  a flag for the test (default: default-value)"),
        out.toString());
  }

  @Test
  void badFlagsExitWithUsageErrors() {
    assertEquals(2, run("--rpc-http-port", "eighty"));
    assertEquals(2, run("--genesis-file", GENESIS, "--block-time", "-1"));
    assertEquals(2, run("--genesis-file", GENESIS, "--in-memory", "--data-path", "/tmp/x"));
    assertEquals(2, run("--genesis-file", GENESIS, "--no-such-flag", "1"));
    assertEquals(2, run("--genesis-file", GENESIS, "--metrics-port", "70000"));
    assertEquals(2, run("--genesis-file", GENESIS, "--miner-coinbase", "0x12"));
    assertEquals(2, run("--genesis-file", GENESIS, "--rpc-http-api", "ETH,ADMIN"));
    assertTrue(err.toString().contains("--no-such-flag"), err.toString());
  }

  @Test
  void malformedGenesisStopsTheNodeNamingTheFile(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"config\":{}}");
    assertEquals(1, run("--genesis-file", bad.toString(), "--metrics-port", "0"));
    assertTrue(err.toString().contains("bad.json") && err.toString().contains("chainId"), err.toString());
  }

  @Test
  void devModeSealsATransactionSentOverJsonRpcAndMetricsShowTheHead() throws Exception {
    Node node = configured("--genesis-file", GENESIS, "--metrics-port", "0");
    Node.Components c = node.start();
    try {
      String raw = "0x" + java.util.HexFormat.of().formatHex(io.nativerollups.evm.tx.TransactionEncoder.encode(
          TestNode.transfer(0, Address.ofLong(0xa11ce), 1)));
      HttpResponse<String> sent = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + c.rpcHttpPort())).header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,"
                  + "\"method\":\"eth_sendRawTransaction\",\"params\":[\"" + raw + "\"]}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertTrue(sent.body().contains("\"result\":\"0x"), sent.body());
      long deadline = System.currentTimeMillis() + 10_000;
      while (c.chain().head().number() < 1 && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
      }
      assertEquals(1, c.chain().head().number());
      HttpResponse<String> metrics = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + c.metricsPort() + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, metrics.statusCode());
      assertTrue(metrics.body().contains("node_chain_head_block_number 1"), metrics.body());
      assertTrue(metrics.body().contains("node_txpool_pending 0"), metrics.body());
    } finally {
      node.stop();
    }
  }

  @Test
  void rpcApiFlagsChooseTheNamespacesEachServerAnswers() throws Exception {
    Node node = configured("--genesis-file", GENESIS, "--metrics-port", "0", "--rpc-ws-api", "eth,net");
    Node.Components c = node.start();
    try {
      String call = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"debug_getRawHeader\",\"params\":[\"latest\"]}";
      HttpResponse<String> http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + c.rpcHttpPort())).header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(call)).build(), HttpResponse.BodyHandlers.ofString());
      assertTrue(http.body().contains("\"result\":\"0x"), "all namespaces by default: " + http.body());
      // the WebSocket port also answers plain HTTP POSTs, with its own, narrower method set
      HttpResponse<String> ws = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + c.rpcWsPort())).header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(call)).build(), HttpResponse.BodyHandlers.ofString());
      assertTrue(ws.body().contains("-32601"), ws.body());
    } finally {
      node.stop();
    }
  }

  @Test
  void blockLineNamesNumberTransactionsGasBaseFeeAndTime() throws Exception {
    try (TestNode node = new TestNode(new io.nativerollups.node.storage.InMemoryKeyValueStorage())) {
      node.pool.add(TestNode.transfer(0, Address.ofLong(0xa11ce), 1));
      String line = Node.blockLine(node.seal(), "Osaka");
      assertTrue(line.startsWith("Block #1 0x"), line);
      assertTrue(line.contains("| 1 txs | gas 21000 / 45000000"), line);
      assertTrue(line.contains("base fee 0.875 gwei"), line);
      assertTrue(line.contains("time 1970-01-01T00:16:41Z"), line);
    }
  }

  @Test
  void pluginOptionsAreAcceptedAndAFailingPluginIsNamed(@TempDir Path dir) throws Exception {
    Path plugins = dir.resolve("plugins");
    Files.createDirectories(plugins);
    jar(plugins.resolve("test.jar"), TestPlugin.class.getName());
    Node node = configured("--genesis-file", GENESIS, "--metrics-port", "0", "--no-dev-mode",
        "--plugins-dir", plugins.toString(), "--test-plugin-flag=given");
    Node.Components c = node.start();
    try {
      assertEquals("given", c.plugins().option("test-plugin-flag").orElseThrow());
      assertEquals(1, c.plugins().precompiles(0).size());
    } finally {
      node.stop();
    }
    Node unknown = configured("--genesis-file", GENESIS, "--metrics-port", "0", "--plugins-dir", plugins.toString(),
        "--other-flag=1");
    assertThrows(CommandLine.ParameterException.class, unknown::start);

    Path failing = dir.resolve("failing");
    Files.createDirectories(failing);
    jar(failing.resolve("f.jar"), TestPlugin.Failing.class.getName());
    Node broken = configured("--genesis-file", GENESIS, "--metrics-port", "0", "--plugins-dir", failing.toString());
    PluginException e = assertThrows(PluginException.class, broken::start);
    assertTrue(e.getMessage().contains(TestPlugin.Failing.class.getName()) && e.getMessage().contains("no EXECUTE config"),
        e.getMessage());
  }

  private static void jar(Path jar, String pluginClass) throws Exception {
    try (OutputStream o = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(o)) {
      j.putNextEntry(new JarEntry("META-INF/services/io.nativerollups.plugin.NodePlugin"));
      j.write(pluginClass.getBytes(StandardCharsets.UTF_8));
      j.closeEntry();
    }
  }
}
