package dev.showdown.push;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** Waits on a real condition with a deadline, polling briefly: the tests never sleep and hope. */
final class Await {
  private Await() {
  }

  static void until(String what, BooleanSupplier condition, Duration timeout) throws InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("timed out after " + timeout + " waiting for " + what);
      }
      Thread.sleep(10);
    }
  }
}
