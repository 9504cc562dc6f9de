package io.nativerollups.bench.crypto;

import io.nativerollups.evm.precompile.Blake2fPrecompile;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time per BLAKE2F precompile call (EIP-152) for a given round count on random h, m and t. The
 * cost of one round (the precompile charges one gas per round) is the difference between the two
 * round counts' times divided by 988; calls stay short so that sample mode ({@code -bm sample})
 * can show medians that a loaded machine's preemptions do not skew.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class Blake2fBenchmark {

  @Param({"12", "1000"})
  public int rounds;

  private final Blake2fPrecompile blake2f = new Blake2fPrecompile();
  private byte[] input;

  @Setup(Level.Trial)
  public void fill() {
    input = new byte[213];
    new Random(rounds).nextBytes(input);
    input[0] = (byte) (rounds >>> 24);
    input[1] = (byte) (rounds >>> 16);
    input[2] = (byte) (rounds >>> 8);
    input[3] = (byte) rounds;
    input[212] = 1;
  }

  @Benchmark
  public byte[] compute() {
    return blake2f.compute(input);
  }
}
