package dev.showdown.bench.result;

import java.util.List;
import java.util.Optional;

/**
 * A figure that decides whether one measurement beats another, and which way is better: the one list that the
 * report's ratio column and {@code bench compare} both go by. A figure counts only under its own unit.
 */
public record Headline(String figure, String unit, boolean higherIsBetter) {
  /** In order of precedence: a scenario's ratio column uses the first one it recorded. */
  public static final List<Headline> ALL = List.of(
      new Headline(Figure.QPS, Figure.REQ_PER_S, true),
      new Headline(Figure.P99, Figure.MS, false),
      new Headline("latency_p99_worst_node", Figure.MS, false),
      new Headline("elapsed", Figure.MS, false),
      new Headline(Figure.RSS_PEAK, Figure.MB, false));

  public static Optional<Headline> of(Figure figure) {
    return ALL.stream().filter(h -> h.matches(figure)).findFirst();
  }

  public boolean matches(Figure figure) {
    return this.figure.equals(figure.name()) && unit.equals(figure.unit());
  }

  /** A relative change turned so that a positive number is always better, e.g. +5% QPS or -5% P99 both give 0.05. */
  public double gain(double change) {
    return higherIsBetter ? change : -change;
  }
}
