package dev.showdown.fib;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Polls a real condition within a bound, instead of sleeping for a guessed time. */
final class Until {
  private static final long BOUND_NANOS = TimeUnit.SECONDS.toNanos(10);

  private Until() {
  }

  static void holds(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + BOUND_NANOS;
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as(what + " within 10 s").isLessThan(deadline);
      Thread.sleep(5);
    }
  }
}
