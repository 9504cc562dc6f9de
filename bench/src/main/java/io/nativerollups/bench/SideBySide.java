package io.nativerollups.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link InterpreterBenchmark} with JMH, then the same programs on @ethereumjs/vm through
 * {@code bench/js/bench.mjs}, in one session, and prints a Markdown table of Mgas/s and the ratio.
 * Usage: {@code bin/bench [--quick]}.
 */
public final class SideBySide {
  private SideBySide() {}

  public static void main(String[] args) throws RunnerException, IOException, InterruptedException {
    boolean quick = java.util.Arrays.asList(args).contains("--quick");
    if (java.util.Arrays.asList(args).contains("--help")) {
      System.out.println("usage: bin/bench [--quick]   (JMH on our EVM, then bench/js/bench.mjs on ethereumjs; prints Mgas/s and ratios)");
      return;
    }
    OptionsBuilder ob = new OptionsBuilder();
    ob.include(InterpreterBenchmark.class.getSimpleName());
    if (quick) {
      ob.warmupIterations(2).measurementIterations(3);
    }
    Options opts = ob.build();
    Collection<RunResult> results = new Runner(opts).run();

    Map<String, Double> oursMs = new HashMap<>();
    for (RunResult r : results) {
      oursMs.put(r.getParams().getParam("program"), r.getPrimaryResult().getScore());
    }
    Map<String, JsonNode> theirs = runEthereumJs(quick);

    System.out.println();
    System.out.println("| program | gas used | ours ms/call | ours Mgas/s | ethereumjs ms/call | ethereumjs Mgas/s | ours / ethereumjs |");
    System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (String name : BenchmarkProgram.names()) {
      long gas = BenchmarkProgram.load(name).runOnce().gasUsed();
      Double ms = oursMs.get(name);
      JsonNode js = theirs.get(name);
      double ours = gas / ms / 1000.0;
      String jsMs = js == null ? "n/a" : String.format(Locale.ROOT, "%.2f", js.get("medianMs").asDouble());
      String jsRate = js == null ? "n/a" : String.format(Locale.ROOT, "%.1f", js.get("mgasPerSec").asDouble());
      String ratio = js == null ? "n/a" : String.format(Locale.ROOT, "%.1fx", ours / js.get("mgasPerSec").asDouble());
      if (js != null && js.get("gasUsed").asLong() != gas) {
        ratio += " (gas differs: ethereumjs " + js.get("gasUsed").asLong() + ")";
      }
      System.out.printf(Locale.ROOT, "| %s | %d | %.3f | %.1f | %s | %s | %s |%n", name, gas, ms, ours, jsMs, jsRate, ratio);
    }
  }

  private static Map<String, JsonNode> runEthereumJs(boolean quick) throws IOException, InterruptedException {
    Map<String, JsonNode> out = new HashMap<>();
    File dir = new File("bench/js");
    if (!new File(dir, "node_modules").isDirectory()) {
      System.err.println("bench/js/node_modules missing: run `cd bench/js && npm ci` for the ethereumjs side; showing ours only");
      return out;
    }
    ProcessBuilder pb = new ProcessBuilder("node", "bench.mjs", "--runs", quick ? "5" : "15").directory(dir);
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    Process p = pb.start();
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        JsonNode n = json.readTree(line);
        out.put(n.get("program").asText(), n);
      }
    }
    if (p.waitFor() != 0) {
      System.err.println("bench.mjs exited with " + p.exitValue());
    }
    return out;
  }
}
