package dev.showdown.data;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a real condition with a bounded deadline instead of sleeping and hoping. */
final class Eventually {
  private Eventually() {
  }

  static void await(Duration deadline, String what, BooleanSupplier condition) {
    long end = System.nanoTime() + deadline.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("not within " + deadline + ": " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what);
      }
    }
  }
}
