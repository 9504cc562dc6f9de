package io.nativerollups.bench;

import io.nativerollups.evm.processing.MessageCallRunner;
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
 * Time per call of each benchmark program on our interpreter (Osaka rules), state reverted after
 * every call. Mgas/s = the program's gas used / this time; {@link SideBySide} computes it and
 * the ratio to @ethereumjs/vm.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xss8m"})
public class InterpreterBenchmark {

  @Param({"keccak-loop", "erc20-transfers", "fibonacci"})
  public String program;

  private BenchmarkProgram loaded;

  @Setup(Level.Trial)
  public void load() {
    loaded = BenchmarkProgram.load(program);
    MessageCallRunner.Outcome first = loaded.runOnce();
    if (!first.success()) {
      throw new IllegalStateException(program + " failed: " + first.haltReason());
    }
  }

  @Benchmark
  public MessageCallRunner.Outcome call() {
    return loaded.runOnce();
  }
}
