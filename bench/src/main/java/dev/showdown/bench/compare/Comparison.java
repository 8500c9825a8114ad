package dev.showdown.bench.compare;

import dev.showdown.bench.result.Figure;
import dev.showdown.bench.result.Headline;
import dev.showdown.bench.result.Measurement;
import dev.showdown.bench.result.RunResult;
import dev.showdown.bench.result.ScenarioResult;
import dev.showdown.bench.stats.Change;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Two runs set side by side on their headline figures: scenarios matched by name, measurements by implementation
 * (the k-th measurement of an implementation in A with its k-th in B), figures by {@link Headline}.
 * {@code threshold} is a fraction (0.05 for 5%).
 */
public record Comparison(RunResult before, RunResult after, double threshold, List<CompareRow> rows) {

  public static Comparison of(RunResult before, RunResult after, double threshold) {
    List<CompareRow> rows = new ArrayList<>();
    Set<String> scenarios = new LinkedHashSet<>();
    before.scenarios().forEach(s -> scenarios.add(s.name()));
    after.scenarios().forEach(s -> scenarios.add(s.name()));
    for (String name : scenarios) {
      List<Measurement> a = measurements(before, name);
      List<Measurement> b = measurements(after, name);
      for (Key key : keys(a, b)) {
        rows.addAll(rows(name, key, key.in(a), key.in(b), threshold));
      }
    }
    return new Comparison(before, after, threshold, List.copyOf(rows));
  }

  /** True when a headline figure got worse beyond noise and threshold, or failed in B. */
  public boolean regressed() {
    return rows.stream().anyMatch(r -> r.verdict().regression());
  }

  private static List<Measurement> measurements(RunResult run, String scenario) {
    return run.scenarios().stream().filter(s -> s.name().equals(scenario)).findFirst()
        .map(ScenarioResult::measurements).orElse(List.of());
  }

  /** An implementation and which of its measurements in a scenario (0 for the first). */
  private record Key(String implementation, int ordinal, boolean several) {
    Optional<Measurement> in(List<Measurement> measurements) {
      return measurements.stream().filter(m -> m.implementation().equals(implementation)).skip(ordinal).findFirst();
    }

    String label(Optional<Measurement> a, Optional<Measurement> b) {
      if (!several) {
        return implementation;
      }
      String tool = a.or(() -> b).map(Measurement::tool).orElse(null);
      return implementation + " #" + (ordinal + 1) + (tool == null ? "" : ", " + tool);
    }
  }

  private static List<Key> keys(List<Measurement> a, List<Measurement> b) {
    Set<String> implementations = new LinkedHashSet<>();
    a.forEach(m -> implementations.add(m.implementation()));
    b.forEach(m -> implementations.add(m.implementation()));
    List<Key> keys = new ArrayList<>();
    for (String implementation : implementations) {
      int count = (int) Math.max(count(a, implementation), count(b, implementation));
      for (int k = 0; k < count; k++) {
        keys.add(new Key(implementation, k, count > 1));
      }
    }
    return keys;
  }

  private static long count(List<Measurement> measurements, String implementation) {
    return measurements.stream().filter(m -> m.implementation().equals(implementation)).count();
  }

  private static List<CompareRow> rows(String scenario, Key key, Optional<Measurement> a, Optional<Measurement> b,
      double threshold) {
    String label = key.label(a, b);
    Optional<Measurement> okA = a.filter(Measurement::ok);
    Optional<Measurement> okB = b.filter(Measurement::ok);
    String note = okA.isPresent() && okB.isPresent() && !Objects.equals(okA.get().tool(), okB.get().tool())
        ? "load tool " + okA.get().tool() + " in A, " + okB.get().tool() + " in B" : "";
    List<CompareRow> rows = new ArrayList<>();
    for (Headline headline : Headline.ALL) {
      Optional<Figure> before = okA.flatMap(m -> figure(m, headline));
      Optional<Figure> after = okB.flatMap(m -> figure(m, headline));
      if (before.isEmpty() && after.isEmpty()) {
        continue;
      }
      Optional<Change> change = before.isPresent() && after.isPresent()
          ? Change.between(before.get().spread(), after.get().spread()) : Optional.empty();
      Verdict verdict;
      if (before.isEmpty()) {
        verdict = Verdict.NOT_IN_A;
      } else if (after.isEmpty()) {
        verdict = b.isPresent() && !b.get().ok() ? Verdict.FAILED : Verdict.NOT_IN_B;
      } else {
        verdict = change.map(c -> verdict(headline, c, threshold)).orElse(Verdict.NOT_IN_A);
      }
      String reason = verdict == Verdict.FAILED ? "failed in B: " + firstLine(b.get().reason()) : note;
      rows.add(new CompareRow(scenario, label, headline, before, after, change, verdict, reason));
    }
    return rows;
  }

  /**
   * Judged on the two runs' closest rounds, not on their medians: a whole run drifts from the next on a shared
   * machine (bench/README.md has two runs of one commit whose P99 ranges came apart), so only a change beyond the
   * threshold between the rounds of A and B that are nearest each other is a finding.
   */
  static Verdict verdict(Headline headline, Change change, double threshold) {
    if (change.withinNoise()) {
      return Verdict.WITHIN_NOISE;
    }
    double closest = Math.max(headline.gain(change.low()), headline.gain(change.high()));
    double farthest = Math.min(headline.gain(change.low()), headline.gain(change.high()));
    if (closest < -threshold) {
      return Verdict.WORSE;
    }
    return farthest > threshold ? Verdict.BETTER : Verdict.WITHIN_THRESHOLD;
  }

  private static Optional<Figure> figure(Measurement m, Headline headline) {
    return m.figures().stream().filter(headline::matches).findFirst();
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "no reason given";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline).stripTrailing();
  }
}
