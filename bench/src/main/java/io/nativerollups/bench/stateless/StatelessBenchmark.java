package io.nativerollups.bench.stateless;

import io.nativerollups.evm.block.Block;
import io.nativerollups.evm.block.BlockHeader;
import io.nativerollups.evm.block.BlockProcessor;
import io.nativerollups.evm.state.InMemoryWorldState;
import io.nativerollups.evm.state.WorldState;
import io.nativerollups.evm.trie.InMemoryNodeStore;
import io.nativerollups.evm.tx.Transaction;
import io.nativerollups.evm.witness.ExecutionWitness;
import io.nativerollups.evm.witness.StatelessExecutor;
import io.nativerollups.evm.witness.WitnessRecorder;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Stateless re-execution of standard L2 blocks (ERC-20 transfers, contract deployments,
 * storage-heavy calls, DEX-like swaps, and a mix of all four): for each block, the time to execute
 * it from its encoded witness alone (decode, index the witness by hash, execute, compute the
 * post-state root) against executing it on full state, the split of the stateless time, and the
 * witness size. Medians of the thread's CPU time over repeated runs; every run is checked to
 * produce the header's roots.
 *
 * <p>usage: {@code StatelessBenchmark [--quick]}
 */
public final class StatelessBenchmark {
  private static final List<BlockMix.Mix> MIXES = List.of(
      new BlockMix.Mix("erc20-transfers", 200, 0, 0, 0),
      new BlockMix.Mix("deployments", 0, 0, 0, 20),
      new BlockMix.Mix("storage-heavy", 0, 0, 16, 0),
      new BlockMix.Mix("dex-swaps", 0, 120, 0, 0),
      new BlockMix.Mix("mix", 100, 40, 8, 4));

  private static final ThreadMXBean THREAD_MX = ManagementFactory.getThreadMXBean();

  private StatelessBenchmark() {}

  public static void main(String[] args) throws Exception {
    boolean quick = Arrays.asList(args).contains("--quick");
    int warmup = quick ? 3 : 10;
    int runs = quick ? 5 : 20;
    BlockProcessor processor = new BlockProcessor(BlockMix.CONFIG);
    InMemoryWorldState genesisState = BlockMix.genesisState();
    BlockHeader genesis = BlockMix.genesisHeader(genesisState.rootHash());
    InMemoryNodeStore[] stores = BlockMix.stores(genesisState);
    System.out.printf(Locale.ROOT, "genesis: %d accounts, %d trie nodes; %d warm-up and %d measured runs, medians%n",
        BlockMix.USERS + BlockMix.FILLER_ACCOUNTS + 3, stores[0].size(), warmup, runs);
    System.out.println("block            txs  Mgas | stateless ms  Mgas/s | index%  root%  exec% | "
        + "witness KB  B/gas  nodes codes | full-mem ms  full-trie ms | stateless/full-mem");
    List<Case> cases = new ArrayList<>();
    for (BlockMix.Mix mix : MIXES) {
      List<Transaction> txs = BlockMix.transactions(mix);
      Block block = BlockMix.build(BlockMix.genesisState(), genesis, txs);
      ExecutionWitness recorded = new WitnessRecorder(processor)
          .record(block, h -> Arrays.equals(h, genesis.hash()) ? genesis : null, stores[0], stores[1]).witness();
      cases.add(new Case(mix, txs.size(), block, recorded, recorded.encode()));
    }
    StatelessExecutor stateless = new StatelessExecutor(processor);
    // Warm the JIT on every block first, long enough for C2 to finish even on a loaded machine
    // (its compiler threads compete for the cores), so that the first block measured is not penalised.
    for (int i = 0; i < 4 * warmup; i++) {
      for (Case c : cases) {
        stateless.execute(c.block(), ExecutionWitness.decode(c.encoded()));
        processor.process(new InMemoryWorldState(stores[0], stores[1], genesis.stateRoot()), c.block(), h -> genesis);
      }
    }
    for (Case c : cases) {
      BlockMix.Mix mix = c.mix();
      Block block = c.block();
      ExecutionWitness recorded = c.witness();
      byte[] encoded = c.encoded();
      double statelessMs = median(warmup, runs, () -> {
        StatelessExecutor.Result r = stateless.execute(block, ExecutionWitness.decode(encoded));
        check(r.stateRoot(), block);
      });
      double indexMs = median(warmup, runs, () -> {
        ExecutionWitness w = ExecutionWitness.decode(encoded);
        InMemoryNodeStore.of(w.state());
        InMemoryNodeStore.of(w.codes());
        for (byte[] h : w.headers()) {
          BlockHeader.decode(h).hash();
        }
      });
      double rootMs = medianOfOwnTiming(warmup, runs, () -> {
        ExecutionWitness w = ExecutionWitness.decode(encoded);
        long[] rootNanos = new long[1];
        WorldState world = timingRoot(new InMemoryWorldState(InMemoryNodeStore.of(w.state()),
            InMemoryNodeStore.of(w.codes()), genesis.stateRoot()), rootNanos);
        processor.process(world, block, h -> Arrays.equals(h, genesis.hash()) ? genesis : null);
        return rootNanos[0] / 1e6;
      });
      double fullMemoryMs = medianOfOwnTiming(warmup, runs, () -> {
        InMemoryWorldState full = BlockMix.genesisState();
        full.rootHash();
        long start = cpuNanos();
        check(processor.process(full, block, h -> genesis).stateRoot(), block);
        return (cpuNanos() - start) / 1e6;
      });
      double fullTrieMs = median(warmup, runs, () -> {
        InMemoryWorldState full = new InMemoryWorldState(stores[0], stores[1], genesis.stateRoot());
        check(processor.process(full, block, h -> genesis).stateRoot(), block);
      });

      double mgas = block.header().gasUsed() / 1e6;
      System.out.printf(Locale.ROOT,
          "%-15s %4d %5.2f | %12.2f %7.1f | %6.1f %6.1f %6.1f | %10.1f %6.3f %5d %5d | %11.2f %13.2f | %6.2f%n",
          mix.name(), c.transactions(), mgas, statelessMs, mgas / (statelessMs / 1000),
          100 * indexMs / statelessMs, 100 * rootMs / statelessMs, 100 * (statelessMs - indexMs - rootMs) / statelessMs,
          encoded.length / 1024.0, (double) encoded.length / block.header().gasUsed(),
          recorded.state().size(), recorded.codes().size(), fullMemoryMs, fullTrieMs, statelessMs / fullMemoryMs);
    }
  }

  /** One block of the benchmark with its recorded witness. */
  private record Case(BlockMix.Mix mix, int transactions, Block block, ExecutionWitness witness, byte[] encoded) {}

  private static void check(byte[] stateRoot, Block block) {
    if (!Arrays.equals(stateRoot, block.header().stateRoot())) {
      throw new IllegalStateException("state root differs from the header's");
    }
  }

  @FunctionalInterface
  private interface Run {
    void run() throws Exception;
  }

  @FunctionalInterface
  private interface TimedRun {
    /** Runs once and returns the milliseconds of the part it times itself. */
    double run() throws Exception;
  }

  /**
   * This thread's CPU time: on a machine shared with other jobs it is far steadier than wall time
   * (the benchmark is single-threaded; GC and JIT threads are not counted).
   */
  private static long cpuNanos() {
    return THREAD_MX.getCurrentThreadCpuTime();
  }

  /** Median CPU time of {@code runs} calls after {@code warmup} untimed ones, in ms. */
  private static double median(int warmup, int runs, Run run) throws Exception {
    return medianOfOwnTiming(warmup, runs, () -> {
      long start = cpuNanos();
      run.run();
      return (cpuNanos() - start) / 1e6;
    });
  }

  private static double medianOfOwnTiming(int warmup, int runs, TimedRun run) throws Exception {
    for (int i = 0; i < warmup; i++) {
      run.run();
    }
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      times.add(run.run());
    }
    times.sort(null);
    return times.get(times.size() / 2);
  }

  /** {@code world} behind a proxy that adds the time spent in {@code rootHash()} to {@code nanos[0]}. */
  private static WorldState timingRoot(WorldState world, long[] nanos) {
    return (WorldState) Proxy.newProxyInstance(WorldState.class.getClassLoader(), new Class<?>[] {WorldState.class},
        (proxy, method, methodArgs) -> {
          long start = method.getName().equals("rootHash") ? cpuNanos() : 0;
          try {
            return method.invoke(world, methodArgs);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          } finally {
            if (start != 0) {
              nanos[0] += cpuNanos() - start;
            }
          }
        });
  }
}
