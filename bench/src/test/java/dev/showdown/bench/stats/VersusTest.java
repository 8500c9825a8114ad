package dev.showdown.bench.stats;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class VersusTest {
  @Test
  void ratiosArePairedRoundByRoundNotMedianOverMedian() {
    // Round by round: 110/100, 240/200, 390/300 = 1.1, 1.2, 1.3. Median over median would be 240/200 = 1.2 too,
    // but the range would be lost; the lowest over the highest (110/300) is no round's ratio at all.
    Versus v = Versus.of(List.of(110.0, 240.0, 390.0), List.of(100.0, 200.0, 300.0)).orElseThrow();

    assertThat(v.ratio().median()).isCloseTo(1.2, within(1e-12));
    assertThat(v.ratio().min()).isCloseTo(1.1, within(1e-12));
    assertThat(v.ratio().max()).isCloseTo(1.3, within(1e-12));
    assertThat(v.ratio().rounds()).isEqualTo(3);
    assertThat(v.withinNoise()).as("110..390 overlaps 100..300").isTrue();
  }

  @Test
  void separateRangesAreNotWithinNoise() {
    Versus v = Versus.of(List.of(131.0, 122.0, 140.0), List.of(100.0, 100.0, 100.0)).orElseThrow();

    assertThat(v.withinNoise()).isFalse();
    assertThat(v.ratio().median()).isCloseTo(1.31, within(1e-12));
    assertThat(v.ratio().min()).isCloseTo(1.22, within(1e-12));
    assertThat(v.ratio().max()).isCloseTo(1.40, within(1e-12));
  }

  @Test
  void roundsThatCannotBePairedOrAZeroBaseGiveNoRatio() {
    assertThat(Versus.of(List.of(1.0, 2.0), List.of(1.0, 2.0, 3.0))).isEmpty();
    assertThat(Versus.of(List.of(1.0), List.of(0.0))).isEmpty();
    assertThat(Versus.of(List.of(), List.of())).isEmpty();
  }
}
