package io.nativerollups.evm.vm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JumpDestCacheTest {
  @Test
  void jumpIntoPushDataIsInvalidAndTheAnalysisIsSharedPerCodeArray() {
    JumpDestCache cache = new JumpDestCache();
    byte[] code = {0x60, 0x5b, 0x5b}; // PUSH1 0x5b, JUMPDEST
    Code first = new Code(code, cache);
    assertFalse(first.isValidJumpDest(1), "0x5b inside PUSH data");
    assertTrue(first.isValidJumpDest(2));
    assertSame(cache.get(code), cache.get(code));
  }

  @Test
  void threadsSharingOneCacheEachGetTheirCodesAnalysis() throws Exception {
    JumpDestCache cache = new JumpDestCache();
    ExecutorService threads = Executors.newFixedThreadPool(8, r -> {
      Thread t = new Thread(r);
      t.setDaemon(true); // a thread spinning in a corrupted map must not keep the test JVM alive
      return t;
    });
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int seed = t;
        done.add(threads.submit(() -> {
          for (int i = 0; i < 20_000; i++) {
            byte[] code = new byte[1 + (i + seed) % 97];
            code[(i * 7 + seed) % code.length] = 0x5b;
            assertArrayEquals(Code.analyse(code), cache.get(code));
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }
  }
}
