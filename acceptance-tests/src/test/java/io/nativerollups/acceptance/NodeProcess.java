package io.nativerollups.acceptance;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A node started as a real operating-system process from the reactor's packaged output
 * ({@code node/target/node-*.jar} and {@code node/target/lib/}), the way a user starts it with
 * {@code bin/node}. It builds nothing: {@code mvn verify} packages the node module before this one.
 *
 * <p>Every start lets the node bind free ports (port 0) and reads them from its banner, keeps the
 * data directory across restarts (so a restart sees the same chain), and appends the process's
 * stdout and stderr to one log file, printed by {@link PrintNodeLogsOnFailure} when a test fails.
 */
public final class NodeProcess implements AutoCloseable {
  /** How long a node may take to answer its first {@code eth_chainId}. */
  static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration GRACEFUL_STOP = Duration.ofSeconds(20);
  private static final List<NodeProcess> STARTED = new CopyOnWriteArrayList<>();
  private static final Pattern BANNER_HTTP = Pattern.compile("(?m)^\\s+JSON-RPC:\\s+http://[^\\s]+:(\\d+)\\s*$");
  private static final Pattern BANNER_WS = Pattern.compile("(?m)^\\s+WS:\\s+ws://[^\\s]+:(\\d+)\\s*$");
  private static final Pattern BANNER_ENGINE = Pattern.compile("(?m)^\\s+Engine:\\s+http://[^\\s]+?:(\\d+)\\b");

  static {
    // A test JVM that dies (timeout, crash) must not leave nodes running on the machine.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> STARTED.forEach(node -> {
      if (node.process != null) {
        node.process.destroyForcibly();
      }
    }), "stop-acceptance-nodes"));
  }

  private final String name;
  private final Path genesisFile;
  private final Path dataPath;
  private final Path logFile;
  private final Integer blockTimeSeconds;
  private final Path jwtSecretFile;
  private final List<String> extraArgs;
  private Process process;
  private int httpPort;
  private int wsPort;
  private int enginePort;

  private NodeProcess(Builder b) throws IOException {
    this.name = b.name;
    this.genesisFile = b.genesisFile;
    Path workDir = Files.createDirectories(Paths.workDir());
    Path home = Files.createTempDirectory(workDir, name + "-");
    this.dataPath = b.inMemory ? null : Files.createDirectories(home.resolve("data"));
    this.logFile = home.resolve("node.log");
    this.blockTimeSeconds = b.blockTimeSeconds;
    this.jwtSecretFile = home.resolve("jwt.hex");
    // A fixed, test-only secret: the Engine API client of the test signs its tokens with it.
    Files.writeString(jwtSecretFile, HexFormat.of().formatHex(b.jwtSecret));
    this.extraArgs = List.copyOf(b.extraArgs);
  }

  /** A node with the L1 dev genesis, in dev mode sealing a block as soon as a transaction arrives. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Options of a node; {@link #start()} launches it and waits until it answers. */
  public static final class Builder {
    private final String name;
    private Path genesisFile = Paths.devGenesis();
    private boolean inMemory;
    private Integer blockTimeSeconds = 0;
    private byte[] jwtSecret = HexFormat.of().parseHex("a0".repeat(32));
    private final List<String> extraArgs = new ArrayList<>();

    private Builder(String name) {
      this.name = name;
    }

    public Builder genesis(Path file) {
      this.genesisFile = file;
      return this;
    }

    /** Keeps the chain in memory instead of a RocksDB data directory. */
    public Builder inMemory() {
      this.inMemory = true;
      return this;
    }

    /** Dev mode sealing a block every {@code seconds} (0: one per arriving transaction, the default). */
    public Builder blockTime(int seconds) {
      this.blockTimeSeconds = seconds;
      return this;
    }

    /** No dev mode: the node only follows blocks given to it through the Engine API. */
    public Builder engineDriven() {
      this.blockTimeSeconds = null;
      return this;
    }

    public Builder jwtSecret(byte[] secret32) {
      this.jwtSecret = secret32.clone();
      return this;
    }

    public Builder arg(String... args) {
      extraArgs.addAll(List.of(args));
      return this;
    }

    /** Launches the node and waits until it answers {@code eth_chainId}. */
    public NodeProcess start() {
      try {
        NodeProcess node = new NodeProcess(this);
        node.launch();
        return node;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Starts the process again (new ports) with the same data directory, and waits until it answers. */
  public NodeProcess restart() {
    if (isAlive()) {
      throw new IllegalStateException(name + " is still running; stop() or kill() it first");
    }
    try {
      launch();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  private void launch() throws IOException {
    // Port 0: the node binds free ports itself and prints them, so no other process can take a
    // port between our choosing it and the node binding it.
    List<String> command = new ArrayList<>(List.of(
        javaExecutable(), "--enable-native-access=ALL-UNNAMED", "-Xss8m", "-Xmx512m", "-XX:+UseSerialGC",
        "-cp", classPath(), "io.nativerollups.node.Node",
        "--genesis-file", genesisFile.toString(),
        "--rpc-http-host", "127.0.0.1",
        "--rpc-http-port", "0",
        "--rpc-ws-port", "0",
        "--engine-rpc-port", "0",
        "--engine-jwt-secret", jwtSecretFile.toString(),
        "--metrics-port", "0"));
    if (dataPath != null) {
      command.addAll(List.of("--data-path", dataPath.toString()));
    } else {
      command.add("--in-memory");
    }
    if (blockTimeSeconds != null) {
      command.addAll(List.of("--block-time", blockTimeSeconds.toString()));
    } else {
      command.add("--no-dev-mode");
    }
    command.addAll(extraArgs);
    Files.writeString(logFile, "\n=== " + String.join(" ", command) + "\n", StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    long runStart = Files.size(logFile);
    process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
        .start();
    if (!STARTED.contains(this)) {
      STARTED.add(this);
    }
    awaitReady(runStart);
  }

  /** Waits for the banner naming the bound ports, then for {@code eth_chainId} to answer. */
  private void awaitReady(long runStart) throws IOException {
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    while (!readBannerPorts(runStart)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with code " + process.exitValue()
            + " before starting; its log:\n" + logTail(200));
      }
      if (System.nanoTime() > deadline) {
        stop();
        throw new IllegalStateException(name + " printed no JSON-RPC/WS/Engine addresses within " + STARTUP_TIMEOUT
            + "; its log:\n" + logTail(200));
      }
      Await.pause(Duration.ofMillis(100));
    }
    JsonRpc rpc = rpc();
    Exception last = null;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with code " + process.exitValue()
            + " before answering; its log:\n" + logTail(200));
      }
      try {
        rpc.call("eth_chainId");
        return;
      } catch (Exception notYet) {
        last = notYet;
      }
      Await.pause(Duration.ofMillis(200));
    }
    stop();
    throw new IllegalStateException(name + " did not answer eth_chainId within " + STARTUP_TIMEOUT
        + " (last error: " + last + "); its log:\n" + logTail(200));
  }

  /** Reads the ports from the lines {@code "  JSON-RPC: http://host:port"}, {@code WS:} and {@code Engine:} of this run. */
  private boolean readBannerPorts(long runStart) throws IOException {
    String output;
    try (var channel = Files.newByteChannel(logFile)) {
      channel.position(runStart);
      output = new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8);
    }
    Matcher http = BANNER_HTTP.matcher(output);
    Matcher ws = BANNER_WS.matcher(output);
    Matcher engine = BANNER_ENGINE.matcher(output);
    if (!(http.find() && ws.find() && engine.find())) {
      return false;
    }
    httpPort = Integer.parseInt(http.group(1));
    wsPort = Integer.parseInt(ws.group(1));
    enginePort = Integer.parseInt(engine.group(1));
    return true;
  }

  /**
   * Closes {@code client}, then stops {@code node}; either may be null (a setup that failed half
   * way), which is why every test class's teardown goes through here.
   */
  public static void shutDown(NodeClient client, NodeProcess node) {
    if (client != null) {
      client.close();
    }
    if (node != null) {
      node.stop();
    }
  }

  /** Asks the node to shut down (SIGTERM), and kills it if it has not exited in time. */
  public void stop() {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(GRACEFUL_STOP.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(GRACEFUL_STOP.toSeconds(), TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** Kills the process at once (SIGKILL, like {@code kill -9}): no shutdown hook, no flush. */
  public void kill() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    try {
      if (!process.waitFor(GRACEFUL_STOP.toSeconds(), TimeUnit.SECONDS)) {
        throw new IllegalStateException(name + " survived SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** Exit code of the last run; only valid once it has exited. */
  public int exitValue() {
    return process.exitValue();
  }

  public String name() {
    return name;
  }

  public String httpUrl() {
    return "http://127.0.0.1:" + httpPort;
  }

  public String wsUrl() {
    return "ws://127.0.0.1:" + wsPort;
  }

  public String engineUrl() {
    return "http://127.0.0.1:" + enginePort;
  }

  public Path dataPath() {
    return dataPath;
  }

  public Path logFile() {
    return logFile;
  }

  /** A JSON-RPC client on the public HTTP endpoint. */
  public JsonRpc rpc() {
    return new JsonRpc(httpUrl());
  }

  /** The last lines of this node's log (all its runs). */
  public String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(log " + logFile + " unreadable: " + e.getMessage() + ")";
    }
  }

  /** Nodes started in this JVM, oldest first. */
  static List<NodeProcess> started() {
    return List.copyOf(STARTED);
  }

  private static String javaExecutable() {
    // The JVM running the tests is the one the build chose (21 or newer).
    return ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  private static String classPath() throws IOException {
    Path target = Paths.nodeTarget();
    Path lib = target.resolve("lib");
    List<Path> jars;
    try (Stream<Path> files = Files.list(target)) {
      jars = files.filter(p -> p.getFileName().toString().matches("node-.*\\.jar"))
          .filter(p -> !p.getFileName().toString().endsWith("-sources.jar"))
          .toList();
    }
    if (jars.size() != 1 || !Files.isDirectory(lib)) {
      throw new IllegalStateException("expected one node-*.jar and lib/ in " + target
          + " (found " + jars + "); run `mvn verify` or `mvn package -pl node -am` first");
    }
    return jars.get(0) + File.pathSeparator + lib + File.separator + "*";
  }

  @Override
  public String toString() {
    return name + (isAlive() ? " (pid " + process.pid() + ", " + httpUrl() + ")" : " (stopped)");
  }
}
