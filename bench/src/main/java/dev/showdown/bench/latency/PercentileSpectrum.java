package dev.showdown.bench.latency;

import org.HdrHistogram.Histogram;

import java.util.List;

/** Latency at each percentile of one measurement, in milliseconds, in rising order of percentile. */
public record PercentileSpectrum(List<Point> points) {
  /** The percentiles a spectrum is taken at (wrk's percentiles.lua asks for the same ones). */
  public static final List<Double> PERCENTILES =
      List.of(50.0, 75.0, 90.0, 95.0, 97.5, 99.0, 99.5, 99.9, 99.95, 99.99);

  public record Point(double percentile, double millis) {
  }

  public PercentileSpectrum {
    points = List.copyOf(points);
  }

  /** From a histogram of latencies recorded in microseconds, as the built-in generator records them. */
  public static PercentileSpectrum ofMicros(Histogram micros) {
    return new PercentileSpectrum(PERCENTILES.stream()
        .map(p -> new Point(p, micros.getValueAtPercentile(p) / 1000.0)).toList());
  }

  public boolean isEmpty() {
    return points.isEmpty();
  }
}
