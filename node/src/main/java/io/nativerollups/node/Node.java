package io.nativerollups.node;

import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.block.BlockProcessor;
import io.nativerollups.evm.state.WorldState;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.node.chain.DefaultBlockchain;
import io.nativerollups.node.genesis.Genesis;
import io.nativerollups.node.mining.DefaultBlockBuilder;
import io.nativerollups.node.mining.DevBlockProducer;
import io.nativerollups.node.mining.InMemoryPayloadStore;
import io.nativerollups.node.plugin.PluginException;
import io.nativerollups.node.plugin.PluginLoader;
import io.nativerollups.node.plugin.PluginRegistry;
import io.nativerollups.node.rpc.JsonRpcConfig;
import io.nativerollups.node.rpc.JsonRpcServer;
import io.nativerollups.node.rpc.RpcMethodRegistry;
import io.nativerollups.node.rpc.RpcMethods;
import io.nativerollups.node.rpc.RpcServices;
import io.nativerollups.node.rpc.engine.EngineServer;
import io.nativerollups.node.rpc.engine.JwtAuthenticator;
import io.nativerollups.node.storage.InMemoryKeyValueStorage;
import io.nativerollups.node.storage.KeyValueStorage;
import io.nativerollups.node.storage.RocksDbKeyValueStorage;
import io.nativerollups.node.txpool.DefaultTransactionPool;
import io.nativerollups.plugin.NodePlugin;
import java.io.PrintStream;
import java.io.PrintWriter;
import io.vertx.core.Vertx;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The devnet node's command line: opens the chain (RocksDB under {@code --data-path}, or memory),
 * loads plugins, serves metrics and JSON-RPC, and in dev mode seals blocks. Flags take Besu's names.
 */
@Command(name = "node", mixinStandardHelpOptions = true, version = "native-rollups node 0.1.0",
    sortOptions = false, usageHelpAutoWidth = true,
    description = "Runs a devnet execution node (Cancun/Prague/Osaka) with native-rollups plugin support.")
public final class Node implements Callable<Integer> {
  private static final Logger LOG = LogManager.getLogger(Node.class);
  /** What web3_clientVersion answers. */
  static final String CLIENT_VERSION = "native-rollups/v0.1.0/" + System.getProperty("os.name").toLowerCase()
      + "-" + System.getProperty("os.arch") + "/java" + Runtime.version().feature();

  @Option(names = "--genesis-file", paramLabel = "<file>",
      description = "Genesis JSON (geth/Besu format). Default: the shipped genesis/l1-dev.json.")
  Path genesisFile;

  @Option(names = "--data-path", paramLabel = "<dir>",
      description = "Directory of the chain database; a restarted node resumes at its head.")
  Path dataPath;

  @Option(names = "--in-memory", description = "Keep the chain in memory only (the default without --data-path).")
  boolean inMemory;

  @Option(names = "--dev-mode", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Seal blocks locally (default on); --no-dev-mode waits for a consensus client on the Engine API.")
  boolean devMode;

  @Option(names = "--block-time", paramLabel = "<seconds>", defaultValue = "0",
      description = "Dev mode: seal a block every N seconds; 0 seals as soon as a transaction arrives (default: ${DEFAULT-VALUE}).")
  long blockTime;

  @Option(names = "--miner-coinbase", paramLabel = "<address>", defaultValue = "0x0000000000000000000000000000000000000000",
      description = "Dev mode: fee recipient of sealed blocks (default: ${DEFAULT-VALUE}).")
  String coinbase;

  @Option(names = "--rpc-http-host", paramLabel = "<host>", defaultValue = "127.0.0.1",
      description = "Interface of the JSON-RPC, WebSocket, Engine and metrics servers (default: ${DEFAULT-VALUE}).")
  String rpcHost;

  @Option(names = "--rpc-http-port", paramLabel = "<port>", defaultValue = "8545",
      description = "JSON-RPC over HTTP (default: ${DEFAULT-VALUE}).")
  int rpcHttpPort;

  @Option(names = "--rpc-ws-port", paramLabel = "<port>", defaultValue = "8546",
      description = "JSON-RPC over WebSocket (default: ${DEFAULT-VALUE}).")
  int rpcWsPort;

  @Option(names = "--engine-rpc-port", paramLabel = "<port>", defaultValue = "8551",
      description = "Engine API, JWT-authenticated (default: ${DEFAULT-VALUE}).")
  int engineRpcPort;

  @Option(names = "--engine-jwt-secret", paramLabel = "<file>",
      description = "Hex JWT secret for the Engine API; created with a random secret when absent.")
  Path engineJwtSecret;

  @Option(names = "--host-allowlist", split = ",", paramLabel = "<host>", defaultValue = "localhost,127.0.0.1,::1",
      description = "Host header names the RPC servers accept; * for any (default: ${DEFAULT-VALUE}).")
  List<String> hostAllowlist;

  @Option(names = "--rpc-http-cors-origins", split = ",", paramLabel = "<origin>",
      description = "Browser origins allowed to call the JSON-RPC server; * for any (default: none).")
  List<String> corsOrigins = new ArrayList<>();

  @Option(names = "--rpc-http-api", split = ",", paramLabel = "<namespace>",
      defaultValue = "ETH,NET,WEB3,DEBUG,TXPOOL,TESTING",
      description = "Namespaces served over HTTP; plugin methods are always served (default: ${DEFAULT-VALUE}).")
  List<String> httpApis;

  @Option(names = "--rpc-ws-api", split = ",", paramLabel = "<namespace>",
      defaultValue = "ETH,NET,WEB3,DEBUG,TXPOOL,TESTING",
      description = "Namespaces served over WebSocket; plugin methods are always served (default: ${DEFAULT-VALUE}).")
  List<String> wsApis;

  @Option(names = "--metrics-port", paramLabel = "<port>", defaultValue = "9545",
      description = "Prometheus metrics at /metrics (default: ${DEFAULT-VALUE}).")
  int metricsPort;

  @Option(names = "--plugins-dir", paramLabel = "<dir>", description = "Load plugins from the jars in this directory.")
  Path pluginsDir;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Command-line arguments not matched by the options above: plugin options. */
  @CommandLine.Unmatched
  List<String> pluginArgs = new ArrayList<>();

  private final PrintStream out;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final List<AutoCloseable> resources = new ArrayList<>();
  private volatile boolean started;

  Node(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Parses {@code args} and runs the node until it is stopped; returns the exit code. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    Node node = new Node(out);
    CommandLine cli = commandLine(node, out, err);
    List<String> list = List.of(args);
    if (list.contains("--help") || list.contains("-h")) {
      cli.getCommandSpec().usageMessage().footer(pluginOptionsHelp(list));
    }
    return cli.execute(args);
  }

  /**
   * For --help with --plugins-dir: the options the plugins declare (they register against the
   * genesis given, or the shipped one); a plugin that cannot load is reported instead.
   */
  private static String pluginOptionsHelp(List<String> args) {
    String dir = valueOf(args, "--plugins-dir");
    if (dir == null) {
      return "";
    }
    StringBuilder help = new StringBuilder("%nPlugin options:%n");
    try {
      String genesisArg = valueOf(args, "--genesis-file");
      Genesis genesis = Genesis.load(genesisArg != null ? Path.of(genesisArg) : shippedGenesis());
      PluginRegistry registry = new PluginRegistry(genesis.config(), genesis.chainConfig().chainId());
      for (NodePlugin plugin : PluginLoader.load(Path.of(dir), Node.class.getClassLoader())) {
        plugin.register(registry);
      }
      for (PluginRegistry.CliOption o : registry.cliOptions().values()) {
        help.append(String.format("      --%s=<value>  %s%s%n", o.name(), o.description(),
            o.defaultValue() == null ? "" : " (default: " + o.defaultValue() + ")"));
      }
    } catch (Exception e) {
      help.append("  (cannot list them: ").append(e.getMessage()).append(")%n");
    }
    return help.toString();
  }

  /** The value of {@code --name value} or {@code --name=value} in {@code args}, or null. */
  private static String valueOf(List<String> args, String name) {
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals(name) && i + 1 < args.size()) {
        return args.get(i + 1);
      }
      if (args.get(i).startsWith(name + "=")) {
        return args.get(i).substring(name.length() + 1);
      }
    }
    return null;
  }

  static CommandLine commandLine(Node node, PrintStream out, PrintStream err) {
    CommandLine cli = new CommandLine(node);
    cli.setUnmatchedArgumentsAllowed(true);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setExecutionExceptionHandler((e, commandLine, result) -> {
      commandLine.getErr().println("error: " + e.getMessage());
      if (e instanceof CommandLine.ParameterException) {
        commandLine.getErr().println("Run with --help for the options.");
        return 2;
      }
      LOG.debug("startup failed", e);
      return 1;
    });
    return cli;
  }

  @Override
  public Integer call() throws Exception {
    Components c = start();
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "node-shutdown"));
    printBanner(c);
    stopped.await();
    return 0;
  }

  /** What a started node is made of (tests reach into it). */
  record Components(Genesis genesis, PluginRegistry plugins, List<NodePlugin> pluginList, KeyValueStorage storage,
      DefaultBlockchain chain, DefaultTransactionPool pool, DefaultBlockBuilder builder, InMemoryPayloadStore payloads,
      DevBlockProducer producer, Metrics metrics, int metricsPort, int rpcHttpPort, int rpcWsPort, int enginePort,
      Path jwtSecretFile) {}

  /** Checks the flags, opens the chain, loads and starts plugins, starts the servers and dev mode. */
  Components start() throws Exception {
    checkFlags();
    Genesis genesis = Genesis.load(genesisFile != null ? genesisFile : shippedGenesis());
    PluginRegistry registry = new PluginRegistry(genesis.config(), genesis.chainConfig().chainId());
    List<NodePlugin> plugins = PluginLoader.load(pluginsDir, Node.class.getClassLoader());
    for (NodePlugin plugin : plugins) {
      try {
        plugin.register(registry);
      } catch (RuntimeException e) {
        throw new PluginException("plugin " + plugin.name() + " failed to register: " + e.getMessage(), e);
      }
      LOG.info("Plugin {} registered", plugin.name());
    }
    applyPluginOptions(registry);

    KeyValueStorage storage = dataPath == null ? new InMemoryKeyValueStorage()
        : RocksDbKeyValueStorage.open(dataPath.resolve("database"));
    resources.add(storage);
    DefaultBlockchain chain = new DefaultBlockchain(storage, genesis, new BlockProcessor(genesis.chainConfig(), registry));
    DefaultTransactionPool pool = new DefaultTransactionPool(chain);
    DefaultBlockBuilder builder = new DefaultBlockBuilder(chain, pool, registry.transactionSelectors(), pool::remove);
    InMemoryPayloadStore payloads = new InMemoryPayloadStore(chain, builder);
    Metrics metrics = new Metrics(() -> chain.head().number(), pool::pendingCount, pool::queuedCount);
    chain.addHeadListener(block -> {
      pool.onNewHead();
      metrics.onBlock(block);
      LOG.info(blockLine(block, chain.config().forkAt(block.header().timestamp()).name()));
    });

    for (NodePlugin plugin : plugins) {
      try {
        plugin.start();
      } catch (RuntimeException e) {
        throw new PluginException("plugin " + plugin.name() + " failed to start: " + e.getMessage(), e);
      }
      resources.add(plugin::stop);
    }
    int boundMetricsPort = metrics.start(rpcHost, metricsPort);
    resources.add(metrics);

    Vertx vertx = Vertx.vertx();
    resources.add(() -> vertx.close().await());
    RpcServices services = new RpcServices(chain, pool, builder, payloads, registry, CLIENT_VERSION,
        Address.fromHex(coinbase), devMode);
    RpcMethodRegistry api = RpcMethods.standard(services);
    RpcMethods.addPluginMethods(api, registry.rpcMethods());
    Set<String> pluginMethods = registry.rpcMethods().keySet();
    JsonRpcServer http = JsonRpcServer.start(vertx, rpcConfig(rpcHttpPort),
        RpcMethods.exposed(api, Set.copyOf(httpApis), pluginMethods));
    resources.add(http);
    JsonRpcServer ws = JsonRpcServer.start(vertx, rpcConfig(rpcWsPort),
        RpcMethods.exposed(api, Set.copyOf(wsApis), pluginMethods));
    resources.add(ws);
    Path jwtFile = engineJwtSecret != null ? engineJwtSecret
        : (dataPath != null ? dataPath : Files.createTempDirectory("node-engine")).resolve("jwtsecret.hex");
    JsonRpcServer engine = EngineServer.start(vertx, rpcConfig(engineRpcPort),
        JwtAuthenticator.readOrCreateSecret(jwtFile), RpcMethods.engine(services, api));
    resources.add(engine);

    DevBlockProducer producer = null;
    if (devMode) {
      producer = new DevBlockProducer(chain, builder, Address.fromHex(coinbase), blockTime,
          () -> Instant.now().getEpochSecond(), block -> {}, () -> pool.pendingCount() > 0);
      producer.start();
      resources.add(producer);
      DevBlockProducer sealer = producer;
      pool.addListener(tx -> sealer.transactionAdded());
    }
    started = true;
    LOG.info("Chain {} at head #{} ({}), state root 0x{}", chain.config().chainId(), chain.head().number(),
        hex(chain.head().hash()), HexFormat.of().formatHex(chain.head().stateRoot()));
    return new Components(genesis, registry, plugins, storage, chain, pool, builder, payloads, producer, metrics,
        boundMetricsPort, http.port(), ws.port(), engine.port(), jwtFile);
  }

  private void checkFlags() {
    if (inMemory && dataPath != null) {
      throw usageError("--in-memory and --data-path exclude each other");
    }
    if (blockTime < 0) {
      throw usageError("--block-time must be 0 or more, got " + blockTime);
    }
    for (int port : new int[] {rpcHttpPort, rpcWsPort, engineRpcPort, metricsPort}) {
      if (port < 0 || port > 65535) {
        throw usageError("port " + port + " is out of range 0-65535");
      }
    }
    for (List<String> apis : List.of(httpApis, wsApis)) {
      for (String api : apis) {
        if (!RpcMethods.NAMESPACES.contains(api.toUpperCase(Locale.ROOT))) {
          throw usageError("unknown RPC namespace " + api + "; known: " + String.join(",", new TreeSet<>(RpcMethods.NAMESPACES)));
        }
      }
    }
    try {
      Address.fromHex(coinbase);
    } catch (RuntimeException e) {
      throw usageError("--miner-coinbase is not an address: " + coinbase);
    }
  }

  /** Matches the arguments picocli left over against the options plugins declared. */
  private void applyPluginOptions(PluginRegistry registry) {
    Map<String, PluginRegistry.CliOption> declared = registry.cliOptions();
    for (int i = 0; i < pluginArgs.size(); i++) {
      String arg = pluginArgs.get(i);
      if (!arg.startsWith("--")) {
        throw usageError("unexpected argument: " + arg);
      }
      String name = arg.substring(2);
      String value;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (i + 1 < pluginArgs.size()) {
        value = pluginArgs.get(++i);
      } else {
        throw usageError("option --" + name + " needs a value");
      }
      if (!declared.containsKey(name)) {
        throw usageError("unknown option: --" + name);
      }
      registry.setOptionValue(name, value);
    }
  }

  private JsonRpcConfig rpcConfig(int port) {
    return new JsonRpcConfig(rpcHost, port, hostAllowlist, corsOrigins, JsonRpcConfig.DEFAULT_MAX_REQUEST_BYTES,
        JsonRpcConfig.DEFAULT_MAX_BATCH_SIZE);
  }

  private CommandLine.ParameterException usageError(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  private static Path shippedGenesis() {
    String home = System.getProperty("node.home");
    if (home == null) {
      throw new IllegalArgumentException("--genesis-file is required (no node.home to find genesis/l1-dev.json in)");
    }
    return Path.of(home, "genesis", "l1-dev.json");
  }

  /** One line per block: number, hash, transactions, gas used, base fee, timestamp, fork. */
  static String blockLine(Block block, String fork) {
    BlockHeader h = block.header();
    BigDecimal gwei = new BigDecimal(h.baseFeePerGas().toBigInteger()).movePointLeft(9).stripTrailingZeros();
    return String.format("Block #%d %s | %d txs | gas %d / %d (%.1f%%) | base fee %s gwei | time %s | %s",
        h.number(), hex(h.hash()), block.transactions().size(), h.gasUsed(), h.gasLimit(),
        100.0 * h.gasUsed() / h.gasLimit(), gwei.toPlainString(), Instant.ofEpochSecond(h.timestamp()), fork);
  }

  private void printBanner(Components c) {
    out.println();
    out.println("Native-rollups devnet node, chain id " + c.chain().config().chainId()
        + (devMode ? ", dev mode (" + (blockTime == 0 ? "a block per transaction" : "a block every " + blockTime + " s") + ")"
            : ", driven by the Engine API"));
    out.println("  JSON-RPC: http://" + rpcHost + ":" + c.rpcHttpPort());
    out.println("  WS:       ws://" + rpcHost + ":" + c.rpcWsPort());
    out.println("  Engine:   http://" + rpcHost + ":" + c.enginePort() + "  (JWT secret " + c.jwtSecretFile() + ")");
    out.println("  Metrics:  http://" + rpcHost + ":" + c.metricsPort() + "/metrics");
    out.println("  Data:     " + (dataPath == null ? "in memory" : dataPath.toAbsolutePath()));
    WorldState state = c.chain().stateAt(c.chain().head().hash());
    List<String> funded = new ArrayList<>();
    for (String key : DevAccounts.KEYS) {
      Address a = DevAccounts.address(key);
      UInt256 balance = state.getBalance(a);
      if (!balance.isZero()) {
        funded.add("  " + a + "  key 0x" + key + "  (" + new BigDecimal(balance.toBigInteger()).movePointLeft(18)
            .stripTrailingZeros().toPlainString() + " ETH)");
      }
    }
    if (!funded.isEmpty()) {
      out.println("Dev accounts (DEV-ONLY keys, public: never use them on a real network):");
      funded.forEach(out::println);
    }
    out.println();
  }

  /** Stops dev mode, servers and plugins, then closes the database. */
  void stop() {
    if (!started) {
      return;
    }
    started = false;
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        LOG.warn("shutdown: {}", e.toString());
      }
    }
    stopped.countDown();
  }

  private static String hex(byte[] b) {
    return "0x" + HexFormat.of().formatHex(b);
  }
}
