package io.nativerollups.evmtool.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nativerollups.evm.fork.Fork;
import io.nativerollups.evm.processing.MessageCallRunner;
import io.nativerollups.evm.state.InMemoryWorldState;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.evm.vm.BlockContext;
import io.nativerollups.evmtool.EvmTool;
import io.nativerollups.evmtool.statetest.Hex;
import io.nativerollups.evmtool.statetest.StateTestParser;
import io.nativerollups.evmtool.statetest.StateTestRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code evmtool run}: executes bytecode as one message call, like geth's {@code evm run} and
 * Besu's evmtool, and prints the return data and gas used; with {@code --bench} also the median
 * time per run, so any bytecode can be timed side by side with another EVM; with {@code --trace}
 * an EIP-3155 trace on stderr (of the last run), as geth writes it.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs EVM bytecode as one message call from a funded caller and prints the return data and gas used.",
      "Either --code/--codefile (placed at --receiver, default 0x...c0de0) or --prestate with --receiver.",
      "The gas used counts execution only: no intrinsic gas, no fees. Exit status 0 success, 1 the call"
          + " failed (reverted or halted), 2 bad usage or input."
    })
public final class RunCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  static final class CodeSource {
    @Option(names = "--code", paramLabel = "HEX", description = "Runtime bytecode as hex.")
    String code;

    @Option(names = "--codefile", paramLabel = "FILE", description = "A file holding the runtime bytecode as hex.")
    Path codeFile;

    @Option(names = "--prestate", paramLabel = "FILE",
        description = "A genesis file or bare alloc object: accounts with balance, nonce, code, storage.")
    Path prestate;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  private CodeSource source;

  @Option(names = "--receiver", paramLabel = "ADDR", description = "The account called (default ${DEFAULT-VALUE}).",
      defaultValue = "0x00000000000000000000000000000000000c0de0")
  private String receiver;

  @Option(names = "--sender", paramLabel = "ADDR", description = "The caller, funded with 1000 ETH (default ${DEFAULT-VALUE}).",
      defaultValue = "0x00000000000000000000000000000000000ca11e")
  private String sender;

  @Option(names = "--input", paramLabel = "HEX", description = "Call data (default empty).", defaultValue = "")
  private String input;

  @Option(names = "--gas", paramLabel = "N", description = "Gas given to the call (default ${DEFAULT-VALUE}).",
      defaultValue = "10000000")
  private long gas;

  @Option(names = "--fork", paramLabel = "NAME", description = "Cancun, Prague or Osaka (default ${DEFAULT-VALUE}).",
      defaultValue = "Osaka")
  private String fork;

  @Option(names = "--repeat", paramLabel = "N", description = "Run the call N times on the same state (default 1).",
      defaultValue = "1")
  private int repeat;

  @Option(names = "--bench", description = "Time the runs after a warm-up and print the median time per run.")
  private boolean bench;

  @Option(names = "--json", description = "Print the result as one JSON object.")
  private boolean json;

  @Option(names = "--trace", description = "Write an EIP-3155 JSON line per executed instruction to stderr.")
  private boolean trace;

  @Option(names = "--trace.memory", description = "With --trace, include the memory in each line.")
  private boolean traceMemory;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    Fork forkRules;
    InMemoryWorldState world;
    Address to;
    Address from;
    byte[] data;
    try {
      forkRules = Fork.fromName(fork);
      to = parseAddress(receiver, "--receiver");
      from = parseAddress(sender, "--sender");
      data = parseHex(input, "--input");
      if (gas <= 0) {
        throw new IllegalArgumentException("--gas must be positive");
      }
      if (repeat < 1) {
        throw new IllegalArgumentException("--repeat must be at least 1");
      }
      if (trace && bench) {
        throw new IllegalArgumentException("--trace and --bench do not go together: tracing slows every instruction");
      }
      world = buildState(to);
      if (world.getCode(to).length == 0) {
        throw new IllegalArgumentException("the receiver " + to + " has no code in the prestate");
      }
    } catch (IllegalArgumentException e) {
      return usageError(err, e.getMessage());
    } catch (NoSuchFileException e) {
      return usageError(err, "no such file: " + e.getFile());
    } catch (JsonProcessingException e) {
      return usageError(err, "malformed JSON in --prestate: " + e.getOriginalMessage());
    } catch (IOException e) {
      return usageError(err, "cannot read: " + e.getMessage());
    }
    world.setBalance(from, world.getBalance(from).add(UInt256.fromBigInteger(java.math.BigInteger.TEN.pow(21))));
    world.commitTransaction();

    BlockContext block = new BlockContext(Address.ZERO, 1, 1, Math.max(gas, 30_000_000L),
        UInt256.valueOf(7), new byte[32], UInt256.ONE, 1, n -> null);
    MessageCallRunner runner = new MessageCallRunner(forkRules);
    int warmup = bench ? Math.max(3, Math.min(repeat, 10)) : 0;
    long[] times = new long[repeat];
    MessageCallRunner.Outcome outcome = null;
    for (int i = 0; i < warmup; i++) {
      runner.call(world, block, from, to, data, gas, false);
    }
    for (int i = 0; i < repeat; i++) {
      long t0 = System.nanoTime();
      boolean last = i == repeat - 1;
      outcome = runner.call(world, block, from, to, data, gas, last, last && trace ? new Eip3155Tracer(err, traceMemory) : null);
      times[i] = System.nanoTime() - t0;
    }
    print(out, outcome, times);
    return outcome.success() ? 0 : 1;
  }

  private void print(PrintWriter out, MessageCallRunner.Outcome o, long[] times) {
    String median = null;
    if (bench) {
      long[] sorted = times.clone();
      Arrays.sort(sorted);
      double ms = sorted[sorted.length / 2] / 1e6;
      double mgas = o.gasUsed() / ms / 1000.0;
      median = String.format(Locale.ROOT, "%.3f", ms);
      if (!json) {
        out.printf(Locale.ROOT, "median %s ms per run over %d runs, %.1f Mgas/s%n", median, times.length, mgas);
      }
    }
    if (json) {
      var node = new ObjectMapper().createObjectNode();
      node.put("success", o.success());
      node.put("output", Hex.format(o.output()));
      node.put("gasUsed", o.gasUsed());
      node.put("logs", o.logs().size());
      if (o.haltReason() != null) {
        node.put("error", o.haltReason());
      }
      if (median != null) {
        node.put("medianMs", Double.parseDouble(median));
        node.put("runs", times.length);
      }
      out.println(node);
    } else {
      out.println("output: " + Hex.format(o.output()));
      out.println("gas used: " + o.gasUsed());
      if (!o.success()) {
        out.println("error: " + (o.haltReason() == null ? "reverted" : o.haltReason()));
      }
    }
    out.flush();
  }

  private InMemoryWorldState buildState(Address to) throws IOException {
    if (source.prestate != null) {
      JsonNode root = new ObjectMapper().readTree(Files.readString(source.prestate));
      if (root == null || !root.isObject()) {
        throw new IllegalArgumentException("--prestate must hold a JSON object (a genesis or an alloc)");
      }
      JsonNode alloc = root.has("alloc") ? root.get("alloc") : root;
      return StateTestRunner.preState(StateTestParser.parsePre(alloc));
    }
    String hex = source.code != null ? source.code : Files.readString(source.codeFile).trim();
    byte[] code = parseHex(hex, source.code != null ? "--code" : "--codefile");
    InMemoryWorldState world = new InMemoryWorldState();
    world.setNonce(to, 1);
    world.setCode(to, code);
    world.commitTransaction();
    return world;
  }

  private static Address parseAddress(String s, String option) {
    try {
      return Address.fromHex(s);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + ": not an address (40 hex digits): " + s);
    }
  }

  private static byte[] parseHex(String s, String option) {
    try {
      return Hex.bytes(s.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + ": not hex: " + e.getMessage());
    }
  }

  private static int usageError(PrintWriter err, String message) {
    err.println("evmtool run: " + message);
    err.flush();
    return EvmTool.USAGE_ERROR;
  }
}
