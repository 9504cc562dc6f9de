package io.nativerollups.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link InterpreterBenchmark} with JMH, then the same programs on @ethereumjs/vm
 * ({@code bench/js/bench.mjs}) and on revm through EDR's Solidity test runner
 * ({@code bench/js/revm.mjs}), in one session, and prints a Markdown table of Mgas/s and our
 * speed relative to each. Usage: {@code bin/bench [--quick]}.
 */
public final class SideBySide {
  private static final File JS_DIR = new File("bench/js");

  /** A JS harness in {@code bench/js}: its column label, script and the package it needs. */
  private record Harness(String label, String script, String requiredPackage) {}

  private static final List<Harness> HARNESSES = List.of(
      new Harness("ethereumjs", "bench.mjs", "@ethereumjs/evm"),
      new Harness("revm", "revm.mjs", "@nomicfoundation/edr"));

  private SideBySide() {}

  public static void main(String[] args) throws RunnerException, IOException, InterruptedException {
    boolean quick = List.of(args).contains("--quick");
    if (List.of(args).contains("--help")) {
      System.out.println("usage: bin/bench [--quick]   (JMH on our EVM, then bench/js/bench.mjs on ethereumjs and"
          + " bench/js/revm.mjs on revm; prints Mgas/s and ratios)");
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
    List<Map<String, JsonNode>> theirs = new ArrayList<>();
    for (Harness h : HARNESSES) {
      theirs.add(runHarness(h, "--runs", quick ? "5" : "15"));
    }

    StringBuilder header = new StringBuilder("| program | gas used | ours ms/call | ours Mgas/s |");
    StringBuilder rule = new StringBuilder("| --- | ---: | ---: | ---: |");
    for (Harness h : HARNESSES) {
      header.append(String.format(" %1$s ms/call | %1$s Mgas/s | ours / %1$s |", h.label()));
      rule.append(" ---: | ---: | ---: |");
    }
    System.out.println();
    System.out.println(header);
    System.out.println(rule);
    for (String name : BenchmarkProgram.names()) {
      long gas = BenchmarkProgram.load(name).runOnce().gasUsed();
      double ms = oursMs.get(name);
      double ours = gas / ms / 1000.0;
      StringBuilder row = new StringBuilder(
          String.format(Locale.ROOT, "| %s | %d | %.3f | %.1f |", name, gas, ms, ours));
      for (int i = 0; i < HARNESSES.size(); i++) {
        row.append(columns(HARNESSES.get(i).label(), theirs.get(i).get(name), gas, ours));
      }
      System.out.println(row);
    }
  }

  /** The three cells of one harness for one program: ms/call, Mgas/s, our speed over theirs. */
  private static String columns(String label, JsonNode js, long gas, double oursMgasPerSec) {
    if (js == null) {
      return " n/a | n/a | n/a |";
    }
    double theirs = js.get("mgasPerSec").asDouble();
    String ratio = String.format(Locale.ROOT, "%.2fx", oursMgasPerSec / theirs);
    if (js.get("gasUsed").asLong() != gas) {
      ratio += " (gas differs: " + label + " " + js.get("gasUsed").asLong() + ")";
    }
    return String.format(Locale.ROOT, " %.3f | %.1f | %s |", js.get("medianMs").asDouble(), theirs, ratio);
  }

  /**
   * Runs one JS harness with node and returns its JSON lines by program name; empty (the table
   * then shows n/a) when its package is not installed or it fails.
   */
  private static Map<String, JsonNode> runHarness(Harness h, String... args) throws IOException, InterruptedException {
    Map<String, JsonNode> out = new HashMap<>();
    if (!new File(JS_DIR, "node_modules/" + h.requiredPackage()).isDirectory()) {
      System.err.println("bench/js/node_modules/" + h.requiredPackage() + " missing: run `npm install` in bench/js for the "
          + h.label() + " columns");
      return out;
    }
    List<String> command = new ArrayList<>(List.of("node", h.script()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(JS_DIR).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        JsonNode n = json.readTree(line);
        out.put(n.get("program").asText(), n);
      }
    }
    if (p.waitFor() != 0) {
      System.err.println(h.script() + " exited with " + p.exitValue() + "; its columns may be incomplete");
    }
    return out;
  }
}
