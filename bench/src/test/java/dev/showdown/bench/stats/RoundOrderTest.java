package dev.showdown.bench.stats;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoundOrderTest {
  private static final List<String> IMPLEMENTATIONS = List.of("A", "B", "C");

  @Test
  void eachRoundStartsOneFurtherAndTheCycleRepeats() {
    assertThat(RoundOrder.of(IMPLEMENTATIONS, 0)).containsExactly("A", "B", "C");
    assertThat(RoundOrder.of(IMPLEMENTATIONS, 1)).containsExactly("B", "C", "A");
    assertThat(RoundOrder.of(IMPLEMENTATIONS, 2)).containsExactly("C", "A", "B");
    assertThat(RoundOrder.of(IMPLEMENTATIONS, 3)).containsExactly("A", "B", "C");
    assertThat(RoundOrder.of(IMPLEMENTATIONS, 7)).containsExactly("B", "C", "A");
  }

  @Test
  void overAFullCycleEveryImplementationIsMeasuredInEveryPosition() {
    for (int position = 0; position < IMPLEMENTATIONS.size(); position++) {
      int p = position;
      assertThat(List.of(0, 1, 2).stream().map(r -> RoundOrder.of(IMPLEMENTATIONS, r).get(p)).toList())
          .containsExactlyInAnyOrderElementsOf(IMPLEMENTATIONS);
    }
  }

  @Test
  void theInputIsLeftAsItWasAndEmptyOrSingleListsWork() {
    List<String> mutable = new java.util.ArrayList<>(IMPLEMENTATIONS);
    RoundOrder.of(mutable, 1);

    assertThat(mutable).containsExactly("A", "B", "C");
    assertThat(RoundOrder.of(List.of(), 5)).isEmpty();
    assertThat(RoundOrder.of(List.of("A"), 5)).containsExactly("A");
    assertThatThrownBy(() -> RoundOrder.of(IMPLEMENTATIONS, -1)).isInstanceOf(IllegalArgumentException.class);
  }
}
