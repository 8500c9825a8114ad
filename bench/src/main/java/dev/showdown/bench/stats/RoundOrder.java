package dev.showdown.bench.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The order implementations are measured in during one round: rotated by the round number (A B C, then B C A,
 * then C A B), so that none is always measured first on a cold machine or last on a hot one.
 */
public final class RoundOrder {
  private RoundOrder() {
  }

  /** {@code implementations} rotated left by {@code round} (0 for the first round). */
  public static <T> List<T> of(List<T> implementations, int round) {
    if (round < 0) {
      throw new IllegalArgumentException("round must be 0 or more, not " + round);
    }
    List<T> order = new ArrayList<>(implementations);
    if (!order.isEmpty()) {
      Collections.rotate(order, -(round % order.size()));
    }
    return List.copyOf(order);
  }
}
