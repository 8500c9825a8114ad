package dev.showdown.bench.report;

import dev.showdown.bench.result.Figure;
import dev.showdown.bench.stats.Spread;

import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;

/** How a figure reads in a report: column titles for the known names, and numbers rounded to what they mean. */
final class Cells {
  private static final Map<String, String> TITLES = Map.ofEntries(
      Map.entry(Figure.QPS, "QPS"),
      Map.entry(Figure.QPS_PER_CORE, "QPS/core"),
      Map.entry(Figure.REQUESTS, "requests"),
      Map.entry(Figure.ERRORS, "socket errors"),
      Map.entry(Figure.NON_2XX, "non-2xx"),
      Map.entry(Figure.MEAN, "mean"),
      Map.entry(Figure.P50, "P50"),
      Map.entry(Figure.P75, "P75"),
      Map.entry(Figure.P90, "P90"),
      Map.entry(Figure.P99, "P99"),
      Map.entry(Figure.P999, "P99.9"),
      Map.entry(Figure.MAX, "max"),
      Map.entry(Figure.RSS_PEAK, "RSS peak"),
      Map.entry(Figure.RSS_AVG, "RSS mean"),
      Map.entry(Figure.PSS_PEAK, "PSS peak"),
      Map.entry(Figure.CPU_TIME, "CPU time"),
      Map.entry(Figure.CPU_BUSY, "CPU busy"),
      Map.entry(Figure.CPU_PER_1K, "CPU per 1k requests"),
      Map.entry(Figure.LOADER_CPU_BUSY, "load tool CPU"),
      Map.entry("latency_tail", "tail latency"));

  private Cells() {
  }

  static String title(String name) {
    return TITLES.getOrDefault(name, name.replace('_', ' '));
  }

  /** Column heading with the unit, e.g. {@code P99 (ms)}. */
  static String heading(String name, String unit) {
    return title(name) + " (" + unit + ")";
  }

  static String number(double value, String unit) {
    if (Double.isNaN(value)) {
      return "–";
    }
    if (whole(value)) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    return rounded(value, unit);
  }

  private static boolean whole(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15;
  }

  /** Rounded to what the unit means, even when the value is whole. */
  private static String rounded(double value, String unit) {
    switch (unit) {
      case Figure.REQ_PER_S:
      case Figure.COUNT:
        return String.format(Locale.ROOT, value >= 100 ? "%,.0f" : "%,.1f", value);
      case Figure.MB:
        return String.format(Locale.ROOT, value >= 100 ? "%,.0f" : "%.1f", value);
      default:
        if (Math.abs(value) >= 1000) {
          return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (value != 0 && Math.abs(value) < 0.1) {
          // Two significant digits: CPU seconds per 1k requests are ~0.01, which two decimals would flatten.
          return String.format(Locale.ROOT, "%.2g", value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 10 ? "%.1f" : "%.2f", value);
    }
  }

  /** A figure's value: {@code median (min–max)} when it was measured in several rounds. */
  static String value(Figure figure) {
    if (figure.values().size() < 2) {
      return number(figure.value(), figure.unit());
    }
    Spread spread = figure.spread();
    // One precision for all three numbers, so that 2 (1.50–2.50) reads 2.00 (1.50–2.50).
    boolean whole = whole(figure.value()) && whole(spread.min()) && whole(spread.max());
    String unit = figure.unit();
    DoubleFunction<String> format = whole ? v -> number(v, unit) : v -> rounded(v, unit);
    return format.apply(figure.value()) + " (" + format.apply(spread.min()) + "–" + format.apply(spread.max()) + ")";
  }

  /** A figure with its unit, e.g. {@code P99 15 ms}. */
  static String inline(Figure figure) {
    return title(figure.name()) + " " + number(figure.value(), figure.unit()) + " " + figure.unit();
  }
}
