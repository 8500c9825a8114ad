package dev.showdown.bench.report;

import dev.showdown.bench.compare.CompareRow;
import dev.showdown.bench.compare.Comparison;
import dev.showdown.bench.result.Headline;
import dev.showdown.bench.result.RunResult;
import dev.showdown.bench.stats.Change;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** What compare.md and compare.html both say, decided once: the header lines, the columns and each row's cells. */
final class CompareView {
  static final List<String> HEADINGS = List.of("scenario", "implementation", "figure", "A", "B", "change", "verdict");

  private CompareView() {
  }

  static String title(Comparison c) {
    return "Showdown bench comparison: " + (c.regressed() ? "REGRESSION" : "no regression");
  }

  static Map<String, String> header(Comparison c, String nameA, String nameB) {
    Map<String, String> lines = new LinkedHashMap<>();
    lines.put("A", nameA + ": " + run(c.before()));
    lines.put("B", nameB + ": " + run(c.after()));
    if (!machine(c.before()).equals(machine(c.after()))) {
      lines.put("Machines differ", machine(c.before()) + " in A, " + machine(c.after()) + " in B: the changes say as much "
          + "about the machines as about the code");
    }
    lines.put("Threshold", percent(c.threshold()) + ": a regression is a headline figure worse by more than this even "
        + "between the two runs' closest rounds (a figure measured once has a range of one value), or a measurement that "
        + "failed in B");
    return lines;
  }

  private static String run(RunResult r) {
    return "started " + r.started() + ", commit " + r.git().commit() + (r.git().dirty() ? " with uncommitted changes" : "")
        + ", " + machine(r);
  }

  private static String machine(RunResult r) {
    return r.machine().cpuModel() + ", " + r.machine().cores() + " cores";
  }

  static List<String> cells(CompareRow row, double threshold) {
    String unit = row.headline().unit();
    return List.of(row.scenario(), row.measurement(), Cells.heading(row.headline().figure(), unit),
        row.before().map(Cells::value).orElse("–"), row.after().map(Cells::value).orElse("–"),
        row.change().map(c -> change(c, several(row))).orElse("–"),
        verdict(row, threshold) + (row.note().isEmpty() ? "" : " (" + row.note() + ")"));
  }

  private static boolean several(CompareRow row) {
    return row.before().map(f -> f.values().size() > 1).orElse(false) || row.after().map(f -> f.values().size() > 1).orElse(false);
  }

  private static String change(Change c, boolean withRange) {
    String median = signed(c.median());
    return withRange ? median + " (" + signed(c.low()) + " to " + signed(c.high()) + ")" : median;
  }

  private static String verdict(CompareRow row, double threshold) {
    return switch (row.verdict()) {
      case WORSE -> "WORSE by more than " + percent(threshold);
      case FAILED -> "FAILED";
      case BETTER -> "better by more than " + percent(threshold);
      case WITHIN_NOISE -> "within noise";
      case WITHIN_THRESHOLD -> "within " + percent(threshold);
      case NOT_IN_B -> "not in B";
      case NOT_IN_A -> "not in A";
    };
  }

  private static String signed(double fraction) {
    return String.format(Locale.ROOT, "%+.1f%%", fraction * 100);
  }

  static String percent(double fraction) {
    String text = String.format(Locale.ROOT, "%.2f", fraction * 100).replaceAll("\\.?0+$", "");
    return text + "%";
  }

  /** The headline figures and their better direction, then how ranges read, for the notes under the table. */
  static String directions() {
    return "Headline figures: " + Headline.ALL.stream()
        .map(h -> Cells.heading(h.figure(), h.unit()) + (h.higherIsBetter() ? " higher" : " lower") + " is better")
        .collect(Collectors.joining(", ")) + ". A figure of several rounds reads median (min–max); a change's range "
        + "runs from B's lowest over A's highest to B's highest over A's lowest, since rounds of two runs are not paired.";
  }
}
