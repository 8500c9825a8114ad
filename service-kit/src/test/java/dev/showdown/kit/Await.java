package dev.showdown.kit;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for a real condition, polling it within a bound, so that no test sleeps and hopes. Shared with every
 * service's tests through the test-jar.
 */
public final class Await {
  /** Long enough for a loaded 2-core CI machine; a condition that holds at all holds far sooner. */
  public static final Duration DEFAULT_BOUND = Duration.ofSeconds(10);

  private static final long POLL_MILLIS = 10;

  private Await() {
  }

  /** {@link #until(String, BooleanSupplier, Duration)} within {@link #DEFAULT_BOUND}. */
  public static void until(String what, BooleanSupplier condition) {
    until(what, condition, DEFAULT_BOUND);
  }

  /** Returns once {@code condition} holds; fails the test naming {@code what} if it does not within {@code bound}. */
  public static void until(String what, BooleanSupplier condition, Duration bound) {
    long deadline = System.nanoTime() + bound.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("not within " + Durations.format(bound) + ": " + what);
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }
}
