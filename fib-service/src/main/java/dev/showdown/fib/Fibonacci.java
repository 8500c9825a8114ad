package dev.showdown.fib;

/** The naive recursion the articles benchmark: exponential on purpose, no memoisation. */
public final class Fibonacci {
  /** fib(92) is the largest that fits in a long. */
  public static final int MAX_N = 92;

  private Fibonacci() {
  }

  public static long of(int n) {
    return n < 2 ? n : of(n - 1) + of(n - 2);
  }
}
