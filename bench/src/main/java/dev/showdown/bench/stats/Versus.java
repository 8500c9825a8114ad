package dev.showdown.bench.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One implementation's figure against the same figure of a base implementation measured in the same rounds.
 * The ratio is taken round by round (round i over round i), because a noisy moment of the machine hits both
 * measurements of a round alike; {@code withinNoise} says that the two ranges overlap, so no winner may be named.
 */
public record Versus(Spread ratio, boolean withinNoise) {

  /**
   * {@code values} over {@code base}, both indexed by round. Empty when the round counts differ (the rounds
   * cannot be paired) or a base value is zero.
   */
  public static Optional<Versus> of(List<Double> values, List<Double> base) {
    if (values.isEmpty() || values.size() != base.size()) {
      return Optional.empty();
    }
    List<Double> ratios = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      if (base.get(i) == 0) {
        return Optional.empty();
      }
      ratios.add(values.get(i) / base.get(i));
    }
    return Optional.of(new Versus(Spread.of(ratios), Spread.of(values).overlaps(Spread.of(base))));
  }
}
