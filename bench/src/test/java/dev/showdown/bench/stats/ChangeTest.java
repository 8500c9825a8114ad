package dev.showdown.bench.stats;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ChangeTest {
  @Test
  void theRangeRunsFromLowestAfterOverHighestBeforeToHighestOverLowest() {
    Change c = Change.between(Spread.of(List.of(90.0, 100.0, 110.0)), Spread.of(List.of(70.0, 80.0, 85.0))).orElseThrow();

    assertThat(c.median()).isCloseTo(-0.20, within(1e-12));
    assertThat(c.low()).isCloseTo(70.0 / 110 - 1, within(1e-12));
    assertThat(c.high()).isCloseTo(85.0 / 90 - 1, within(1e-12));
    assertThat(c.withinNoise()).isFalse();
  }

  @Test
  void overlappingRunsAreWithinNoise() {
    Change c = Change.between(Spread.of(List.of(90.0, 100.0, 110.0)), Spread.of(List.of(88.0, 95.0, 91.0))).orElseThrow();

    assertThat(c.withinNoise()).isTrue();
  }

  @Test
  void aZeroBaseHasNoRelativeChange() {
    assertThat(Change.between(Spread.of(List.of(0.0)), Spread.of(List.of(3.0)))).isEmpty();
  }
}
