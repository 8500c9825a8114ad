package dev.showdown.bench.stats;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpreadTest {
  @Test
  void medianOfAnOddCountIsTheMiddleValueWhateverTheOrder() {
    Spread s = Spread.of(List.of(9.0, 1.0, 5.0));

    assertThat(s).isEqualTo(new Spread(5.0, 1.0, 9.0, 3));
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
    assertThat(Spread.median(List.of(4.0, 1.0, 3.0, 10.0))).isEqualTo(3.5);
  }

  @Test
  void oneRoundIsARangeOfZeroWidth() {
    Spread s = Spread.of(List.of(7.0));

    assertThat(s).isEqualTo(new Spread(7.0, 7.0, 7.0, 1));
    assertThat(s.severalRounds()).isFalse();
  }

  @Test
  void noValuesIsAnError() {
    assertThatThrownBy(() -> Spread.of(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rangesThatShareAValueOverlapBothWays() {
    Spread a = Spread.of(List.of(10.0, 12.0, 14.0));
    Spread touching = Spread.of(List.of(14.0, 15.0, 16.0));
    Spread inside = Spread.of(List.of(11.0, 11.5, 13.0));

    assertThat(a.overlaps(touching)).isTrue();
    assertThat(touching.overlaps(a)).isTrue();
    assertThat(a.overlaps(inside)).isTrue();
    assertThat(inside.overlaps(a)).isTrue();
  }

  @Test
  void separateRangesDoNotOverlap() {
    Spread a = Spread.of(List.of(10.0, 12.0, 14.0));
    Spread above = Spread.of(List.of(14.5, 15.0, 16.0));

    assertThat(a.overlaps(above)).isFalse();
    assertThat(above.overlaps(a)).isFalse();
  }
}
