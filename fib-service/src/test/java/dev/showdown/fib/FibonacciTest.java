package dev.showdown.fib;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FibonacciTest {

  @Test
  void followsTheSequence() {
    long[] expected = {0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55};
    for (int n = 0; n < expected.length; n++) {
      assertThat(Fibonacci.of(n)).as("fib(%d)", n).isEqualTo(expected[n]);
    }
  }

  @Test
  void fib30MatchesTheKnownValue() {
    assertThat(Fibonacci.of(30)).isEqualTo(832_040L);
  }
}
