package dev.showdown.bench.report;

import dev.showdown.bench.result.Figure;
import dev.showdown.bench.result.Headline;
import dev.showdown.bench.result.Measurement;
import dev.showdown.bench.result.ScenarioResult;
import dev.showdown.bench.scenario.ScenarioContext;
import dev.showdown.bench.stats.Versus;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The column {@code QPS vs java-vertx}: each row's headline figure over the Java service's on the default profile
 * doing the same work (the row of the same variant: {@code go redis} against {@code java-vertx redis},
 * {@code java-vertx (lean) websocket} against {@code java-vertx websocket}), paired round by round, as
 * {@code 1.31x (1.22–1.40)}, or {@code within noise} when the two ranges overlap, so that the report names no
 * winner the rounds do not support.
 */
final class RatioColumn {
  static final String BASE = ScenarioContext.JAVA;
  static final String WITHIN_NOISE = "within noise";

  private final ScenarioResult scenario;
  private final Headline headline;

  private RatioColumn(ScenarioResult scenario, Headline headline) {
    this.scenario = scenario;
    this.headline = headline;
  }

  /** The column for a scenario's first headline figure, when at least one other row can be set against Java's. */
  static Optional<RatioColumn> of(ScenarioResult scenario) {
    Optional<Headline> headline = Headline.ALL.stream().filter(h -> scenario.measurements().stream()
        .anyMatch(m -> m.ok() && m.figures().stream().anyMatch(h::matches))).findFirst();
    return headline.map(h -> new RatioColumn(scenario, h))
        .filter(c -> scenario.measurements().stream().anyMatch(m -> !isBase(m) && c.versus(m).isPresent()));
  }

  String heading() {
    return Cells.title(headline.figure()) + " vs " + BASE;
  }

  String cell(Measurement m) {
    if (isBase(m)) {
      return "base";
    }
    return versus(m).map(RatioColumn::text).orElse("–");
  }

  private static String text(Versus v) {
    if (v.withinNoise()) {
      return WITHIN_NOISE;
    }
    String median = times(v.ratio().median());
    return v.ratio().severalRounds()
        ? median + " (" + String.format(Locale.ROOT, "%.2f–%.2f", v.ratio().min(), v.ratio().max()) + ")"
        : median + " (1 round)";
  }

  private static String times(double ratio) {
    return String.format(Locale.ROOT, "%.2fx", ratio);
  }

  private Optional<Versus> versus(Measurement m) {
    Optional<Figure> figure = headlineFigure(m);
    Optional<Figure> base = base(m).flatMap(this::headlineFigure);
    if (figure.isEmpty() || base.isEmpty()) {
      return Optional.empty();
    }
    return Versus.of(figure.get().rounds(), base.get().rounds());
  }

  /** Java's default-profile measurement of the same variant, under the same load, or the variant's only one. */
  private Optional<Measurement> base(Measurement m) {
    List<Measurement> bases = scenario.measurements().stream().filter(RatioColumn::isBase).filter(Measurement::ok).toList();
    String variant = JavaRows.variantOf(m.implementation(), bases.stream().map(b -> JavaRows.variant(b.implementation())).toList());
    List<Measurement> java = bases.stream().filter(b -> JavaRows.variant(b.implementation()).equals(variant)).toList();
    Optional<Measurement> sameLoad = java.stream().filter(j -> Objects.equals(j.load(), m.load())).findFirst();
    return sameLoad.isPresent() || java.size() != 1 ? sameLoad : Optional.of(java.get(0));
  }

  private Optional<Figure> headlineFigure(Measurement m) {
    return m.ok() ? m.figures().stream().filter(headline::matches).findFirst() : Optional.empty();
  }

  private static boolean isBase(Measurement m) {
    return JavaRows.isDefaultProfile(m.implementation());
  }
}
