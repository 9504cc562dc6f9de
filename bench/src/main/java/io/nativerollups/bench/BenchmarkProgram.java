package io.nativerollups.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nativerollups.evm.crypto.Keccak256;
import io.nativerollups.evm.fork.Fork;
import io.nativerollups.evm.processing.MessageCallRunner;
import io.nativerollups.evm.state.InMemoryWorldState;
import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import io.nativerollups.evm.vm.BlockContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One benchmark program from {@code programs/programs.json}: its runtime bytecode placed at a
 * contract address, a funded caller, and the calldata {@code signature(arg)}. The same file drives
 * {@code bench/js/bench.mjs}, so both EVMs run identical bytecode and input.
 */
public final class BenchmarkProgram {
  static final Address CONTRACT = Address.fromHex("0x00000000000000000000000000000000000c0de0");
  static final Address CALLER = Address.fromHex("0x00000000000000000000000000000000000ca11e");
  static final long GAS = 1_000_000_000L;

  final String name;
  final byte[] code;
  final byte[] input;
  final InMemoryWorldState world = new InMemoryWorldState();
  final BlockContext block = new BlockContext(Address.ofLong(0xc014ba5e), 1, 1_700_000_000L,
      GAS, UInt256.valueOf(7), new byte[32], UInt256.ONE, 1, n -> null);
  final MessageCallRunner runner = new MessageCallRunner(Fork.OSAKA);

  private BenchmarkProgram(String name, byte[] code, byte[] input) {
    this.name = name;
    this.code = code;
    this.input = input;
    world.setNonce(CONTRACT, 1);
    world.setCode(CONTRACT, code);
    world.setBalance(CALLER, UInt256.valueOf(1_000_000_000_000_000_000L));
    world.commitTransaction();
  }

  /** Runs the call once on the program's state and reverts it; returns the outcome. */
  MessageCallRunner.Outcome runOnce() {
    return runner.call(world, block, CALLER, CONTRACT, input, GAS, false);
  }

  /** The names of all programs, in file order. */
  static List<String> names() {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = catalogue().fieldNames(); it.hasNext(); ) {
      String n = it.next();
      if (!n.startsWith("_")) {
        names.add(n);
      }
    }
    return names;
  }

  /** Loads a program by its name in {@code programs.json}. */
  static BenchmarkProgram load(String name) {
    JsonNode p = catalogue().get(name);
    if (p == null) {
      throw new IllegalArgumentException("no benchmark program '" + name + "'; known: " + names());
    }
    byte[] code = HexFormat.of().parseHex(resource(p.get("program").asText() + ".hex").trim());
    byte[] selector = Arrays.copyOf(
        Keccak256.hash(p.get("signature").asText().getBytes(StandardCharsets.US_ASCII)), 4);
    byte[] arg = UInt256.valueOf(p.get("arg").asLong()).toBytes();
    byte[] input = new byte[36];
    System.arraycopy(selector, 0, input, 0, 4);
    System.arraycopy(arg, 0, input, 4, 32);
    return new BenchmarkProgram(name, code, input);
  }

  private static JsonNode catalogue() {
    try {
      return new ObjectMapper().readTree(resource("programs.json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String resource(String file) {
    try (InputStream in = BenchmarkProgram.class.getResourceAsStream("/programs/" + file)) {
      if (in == null) {
        throw new IllegalStateException("missing resource programs/" + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, BenchmarkProgram> loadAll() {
    Map<String, BenchmarkProgram> all = new java.util.LinkedHashMap<>();
    for (String n : names()) {
      all.put(n, load(n));
    }
    return all;
  }
}
