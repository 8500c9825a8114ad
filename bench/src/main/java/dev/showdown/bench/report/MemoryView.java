package dev.showdown.bench.report;

import dev.showdown.bench.result.Figure;
import dev.showdown.bench.result.Headline;
import dev.showdown.bench.result.Measurement;
import dev.showdown.bench.result.ScenarioResult;
import dev.showdown.bench.scenario.ScenarioContext;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A scenario's memory against its headline figure: one point per measured row that has both a peak RSS and the
 * headline (the first of {@link Headline#ALL} other than RSS that any row has: QPS, else P99, ...), so every JVM
 * profile, heap size and peer is a point of its own; and, per peer, the smallest-RSS Java row that is at least
 * as good on the headline. A Java row is compared with the peers of its own variant: {@code java-vertx redis
 * (lean)} with {@code go-grpc redis}, {@code java-vertx (lean) websocket} with {@code go websocket}.
 */
final class MemoryView {
  record Point(String label, boolean java, double rssMb, double headline) {
  }

  private final Headline headline;
  private final List<Point> points;

  private MemoryView(Headline headline, List<Point> points) {
    this.headline = headline;
    this.points = List.copyOf(points);
  }

  /** The view of {@code scenario}, when at least two rows have both figures (one point says nothing). */
  static Optional<MemoryView> of(ScenarioResult scenario) {
    List<String> labels = ReportView.rowLabels(scenario);
    for (Headline candidate : Headline.ALL) {
      if (candidate.figure().equals(Figure.RSS_PEAK)) {
        continue;
      }
      List<Point> points = new ArrayList<>();
      for (int i = 0; i < labels.size(); i++) {
        Measurement m = scenario.measurements().get(i);
        Optional<Figure> rss = m.figure(Figure.RSS_PEAK).filter(f -> Figure.MB.equals(f.unit()));
        Optional<Figure> figure = m.figure(candidate.figure()).filter(candidate::matches);
        if (m.ok() && rss.isPresent() && figure.isPresent()) {
          points.add(new Point(labels.get(i), ScenarioContext.SERVICE.equals(m.kind()), rss.get().value(), figure.get().value()));
        }
      }
      if (!points.isEmpty()) {
        return points.size() < 2 ? Optional.empty() : Optional.of(new MemoryView(candidate, points));
      }
    }
    return Optional.empty();
  }

  Headline headline() {
    return headline;
  }

  /** The headline's column title with its unit, e.g. {@code QPS (req/s)}. */
  String headlineHeading() {
    return Cells.heading(headline.figure(), headline.unit());
  }

  /** True when a per-MB figure means something: the headline is a rate, higher is better. */
  boolean perMbApplies() {
    return headline.higherIsBetter();
  }

  String perMbHeading() {
    return headline.unit() + " per MB";
  }

  static double perMb(Point point) {
    return point.headline() / point.rssMb();
  }

  /** Every point, smallest RSS first. */
  List<Point> byRss() {
    return points.stream().sorted(Comparator.comparingDouble(Point::rssMb)).toList();
  }

  /** One sentence per peer: the smallest-RSS Java row of its variant that reaches its headline, or that none does. */
  List<String> verdicts() {
    List<Point> java = points.stream().filter(Point::java).toList();
    List<String> lines = new ArrayList<>();
    if (java.isEmpty()) {
      return lines;
    }
    String what = Cells.title(headline.figure());
    for (Point peer : points.stream().filter(p -> !p.java()).toList()) {
      String variant = JavaRows.variantOf(peer.label(), java.stream().map(p -> JavaRows.variant(p.label())).toList());
      List<Point> rivals = java.stream().filter(p -> JavaRows.variant(p.label()).equals(variant)).toList();
      String given = peer.label() + " (" + amount(peer.headline()) + " at " + Cells.number(peer.rssMb(), Figure.MB) + " MB)";
      Optional<Point> smallest = rivals.stream().filter(p -> atLeastAsGood(p, peer)).min(Comparator.comparingDouble(Point::rssMb));
      if (smallest.isPresent()) {
        Point p = smallest.get();
        lines.add(String.format(Locale.ROOT, "%s: the smallest Java row reaching its %s is %s, %s MB (%s, %.2fx its RSS).",
            given, what, p.label(), Cells.number(p.rssMb(), Figure.MB), amount(p.headline()), p.rssMb() / peer.rssMb()));
      } else if (rivals.isEmpty()) {
        lines.add(given + ": no Java row of the same variant to set beside it.");
      } else {
        Point best = rivals.stream().max(Comparator.comparingDouble(p -> headline.gain(p.headline()))).orElseThrow();
        lines.add(given + ": no Java row reaches its " + what + " (the best, " + best.label() + ", has "
            + amount(best.headline()) + " at " + Cells.number(best.rssMb(), Figure.MB) + " MB).");
      }
    }
    return lines;
  }

  private boolean atLeastAsGood(Point java, Point peer) {
    return headline.higherIsBetter() ? java.headline() >= peer.headline() : java.headline() <= peer.headline();
  }

  private String amount(double value) {
    return Cells.number(value, headline.unit()) + " " + headline.unit();
  }
}
