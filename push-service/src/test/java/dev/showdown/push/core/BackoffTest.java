package dev.showdown.push.core;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

  @Test
  void eachDelayLiesInTheUpperHalfOfAStepThatDoublesUpToTheCap() {
    Backoff backoff = new Backoff(200, 5_000, new SplittableRandom(7));
    long[] steps = {200, 400, 800, 1_600, 3_200, 5_000, 5_000, 5_000};

    for (long step : steps) {
      assertThat(backoff.nextDelayMillis()).isBetween(step / 2, step);
    }
  }

  @Test
  void delaysAreSpreadNotInStep() {
    List<Long> firsts = new ArrayList<>();
    for (int seed = 0; seed < 20; seed++) {
      firsts.add(new Backoff(1_000, 1_000, new SplittableRandom(seed)).nextDelayMillis());
    }

    assertThat(firsts).doesNotHaveDuplicates();
  }

  @Test
  void aResetStartsOverFromTheFirstStep() {
    Backoff backoff = new Backoff(100, 10_000, new SplittableRandom(1));
    for (int i = 0; i < 10; i++) {
      backoff.nextDelayMillis();
    }

    backoff.reset();

    assertThat(backoff.nextDelayMillis()).isBetween(50L, 100L);
  }

  @Test
  void aHugeCapNeverOverflows() {
    Backoff backoff = new Backoff(1, Long.MAX_VALUE, new SplittableRandom(3));
    for (int i = 0; i < 100; i++) {
      assertThat(backoff.nextDelayMillis()).isPositive();
    }
  }

  @Test
  void aCapBelowTheFirstStepIsRefused() {
    assertThatThrownBy(() -> new Backoff(500, 100, new SplittableRandom())).isInstanceOf(IllegalArgumentException.class);
  }
}
