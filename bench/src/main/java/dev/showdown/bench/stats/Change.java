package dev.showdown.bench.stats;

import java.util.Optional;

/**
 * How a figure moved from one run to another, as fractions of the first (0.05 = 5% up). Rounds of two runs did
 * not share a moment of the machine, so they are not paired: the range runs from the lowest after over the highest
 * before to the highest after over the lowest before.
 */
public record Change(double median, double low, double high, boolean withinNoise) {

  /** Empty unless every value of {@code before} is above zero: a relative change needs a positive base. */
  public static Optional<Change> between(Spread before, Spread after) {
    if (before.min() <= 0) {
      return Optional.empty();
    }
    return Optional.of(new Change(after.median() / before.median() - 1, after.min() / before.max() - 1,
        after.max() / before.min() - 1, before.overlaps(after)));
  }
}
