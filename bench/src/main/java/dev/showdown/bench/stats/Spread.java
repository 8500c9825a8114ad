package dev.showdown.bench.stats;

import java.util.List;

/**
 * What N rounds of one figure say: their median and their range. A figure measured once has a range of zero
 * width, which overlaps only an equal value: one round gives no sense of the noise.
 */
public record Spread(double median, double min, double max, int rounds) {

  /** The spread of {@code values}, one per round; at least one. */
  public static Spread of(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("a spread needs at least one value");
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return new Spread(median(sorted), sorted[0], sorted[sorted.length - 1], sorted.length);
  }

  /** The middle value, or the mean of the two middle ones for an even count. */
  public static double median(List<Double> values) {
    return of(values).median();
  }

  private static double median(double[] sorted) {
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  /** True when the two ranges share at least one value: then neither implementation can be called ahead. */
  public boolean overlaps(Spread other) {
    return min <= other.max && other.min <= max;
  }

  public boolean severalRounds() {
    return rounds > 1;
  }
}
