package dev.showdown.fib;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

  @Test
  void aCancelledCallStopsAfterAtMostOneUncheckedSubtree() {
    AtomicInteger reads = new AtomicInteger();

    // The flag turns true on its second read: the call must stop there, not run fib(90) to the end.
    assertThatThrownBy(() -> Fibonacci.of(90, () -> reads.incrementAndGet() > 1))
        .isInstanceOf(CancellationException.class);
    assertThat(reads).hasValue(2);
  }

  @Test
  void smallNNeverReadsTheFlag() {
    assertThat(Fibonacci.of(Fibonacci.UNCHECKED_UP_TO, () -> {
      throw new AssertionError("read the flag");
    })).isEqualTo(75_025L);
  }
}
