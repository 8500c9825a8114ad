package dev.showdown.bench.logparse;

import java.util.Arrays;
import java.util.List;

/** Median and best of a few timings. */
final class Medians {
  private Medians() {
  }

  static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  static double min(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
  }

  static String list(List<Double> values) {
    return Arrays.toString(values.stream().mapToDouble(v -> Math.round(v * 10) / 10.0).toArray());
  }
}
