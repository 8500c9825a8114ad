package dev.showdown.fib;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/** The naive recursion the articles benchmark: exponential on purpose, no memoisation. */
public final class Fibonacci {
  /** fib(92) is the largest that fits in a long. */
  public static final int MAX_N = 92;

  /**
   * Subtrees up to this n run the plain recursion, which never reads the cancel flag: the flag is read once per
   * such subtree instead of once per call, and a cancelled call stops after at most one of them.
   */
  static final int UNCHECKED_UP_TO = 25;

  private static final BooleanSupplier NEVER = () -> false;

  private Fibonacci() {
  }

  public static long of(int n) {
    return of(n, NEVER);
  }

  /**
   * fib(n), unless {@code cancelled} turns true meanwhile: then a {@link CancellationException} within one
   * fib({@value #UNCHECKED_UP_TO}) subtree.
   */
  public static long of(int n, BooleanSupplier cancelled) {
    if (n <= UNCHECKED_UP_TO) {
      return naive(n);
    }
    if (cancelled.getAsBoolean()) {
      throw new CancellationException("fib(" + n + ") cancelled");
    }
    return of(n - 1, cancelled) + of(n - 2, cancelled);
  }

  private static long naive(int n) {
    return n < 2 ? n : naive(n - 1) + naive(n - 2);
  }
}
