package io.nativerollups.bench.crypto;

import io.nativerollups.evm.crypto.Keccak256;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.digests.KeccakDigest;
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
 * Time per {@link Keccak256#hash(byte[])} call for typical Ethereum input sizes: a word, two words
 * (mapping slots), one full rate block, a trie branch node and a 4 KB code blob. {@code
 * bouncyCastle} hashes the same input with Bouncy Castle's KeccakDigest as a same-run reference.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class KeccakBenchmark {

  @Param({"32", "64", "136", "532", "4096"})
  public int size;

  private byte[] input;
  private final KeccakDigest reference = new KeccakDigest(256);
  private final byte[] referenceOut = new byte[32];

  @Setup(Level.Trial)
  public void fill() {
    input = new byte[size];
    new Random(size).nextBytes(input);
  }

  @Benchmark
  public byte[] keccak256() {
    return Keccak256.hash(input);
  }

  @Benchmark
  public byte[] bouncyCastle() {
    reference.update(input, 0, input.length);
    reference.doFinal(referenceOut, 0);
    return referenceOut;
  }
}
