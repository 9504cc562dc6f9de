package io.nativerollups.acceptance;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waiting on a condition with a deadline; tests never sleep for a fixed time. */
public final class Await {
  /** Long enough for a few blocks at one block a second on a busy two-core machine. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(45);
  private static final Duration POLL = Duration.ofMillis(100);

  private Await() {}

  /**
   * Polls {@code probe} until it returns a value, and returns it.
   *
   * @throws AssertionError naming {@code what} when the deadline passes; a probe that throws
   *     counts as "not yet", and its last exception is attached
   */
  public static <T> T until(String what, Duration timeout, Supplier<Optional<T>> probe) {
    long deadline = System.nanoTime() + timeout.toNanos();
    RuntimeException last = null;
    do {
      try {
        Optional<T> value = probe.get();
        if (value.isPresent()) {
          return value.get();
        }
      } catch (RuntimeException e) {
        last = e;
      }
      pause(POLL);
    } while (System.nanoTime() < deadline);
    AssertionError timedOut = new AssertionError("timed out after " + timeout + " waiting for " + what);
    if (last != null) {
      timedOut.initCause(last);
    }
    throw timedOut;
  }

  /** {@link #until(String, Duration, Supplier)} with {@link #DEFAULT_TIMEOUT}. */
  public static <T> T until(String what, Supplier<Optional<T>> probe) {
    return until(what, DEFAULT_TIMEOUT, probe);
  }

  /** Waits until {@code condition} holds. */
  public static void untilTrue(String what, Duration timeout, Supplier<Boolean> condition) {
    until(what, timeout, () -> condition.get() ? Optional.of(Boolean.TRUE) : Optional.empty());
  }

  /**
   * Takes the next item of {@code queue}, waiting up to {@code timeout} for it.
   *
   * @throws AssertionError naming {@code what} when none comes in time
   */
  public static <T> T next(BlockingQueue<T> queue, Duration timeout, String what) throws InterruptedException {
    T item = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (item == null) {
      throw new AssertionError("nothing within " + timeout + ": " + what);
    }
    return item;
  }

  /**
   * Takes items of {@code queue} until one is {@code wanted}, and returns it; the ones before it are dropped
   * (events of other tests, or ones delivered before the awaited one). Each item is awaited up to {@code timeout}.
   */
  public static <T> T nextMatching(BlockingQueue<T> queue, Predicate<? super T> wanted, Duration timeout, String what)
      throws InterruptedException {
    T item = next(queue, timeout, what);
    while (!wanted.test(item)) {
      item = next(queue, timeout, what);
    }
    return item;
  }

  /** The pause between two polls of a condition. */
  static void pause(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting", e);
    }
  }
}
