package dev.showdown.bench.report;

import dev.showdown.bench.result.Figure;
import dev.showdown.bench.result.Measurement;
import dev.showdown.bench.result.RunResult;
import dev.showdown.bench.result.ScenarioResult;
import dev.showdown.bench.scenario.Published;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** report.md: the run's conditions, then per scenario what was measured here and, apart, what was published. */
public final class MarkdownReport {
  private MarkdownReport() {
  }

  public static String render(RunResult result) {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(ReportView.title(result)).append("\n\n");
    ReportView.conditions(result).forEach((label, value) -> md.append("- **").append(label).append("**: ")
        .append(escape(value)).append('\n'));
    md.append('\n');
    for (ScenarioResult scenario : result.scenarios()) {
      scenario(md, scenario);
    }
    jvmFlags(md, result);
    md.append("## How to read this\n\n")
        .append("- QPS is answered requests per second over the measured window, after the warm-up. QPS/core divides it by ")
        .append("the cores of the machine it ran on (the published figures' by the cores their source states).\n")
        .append("- Latency percentiles are per request, in milliseconds; closed loop unless a constant rate is stated.\n")
        .append("- RSS peak is the service process's resident memory, sampled every 200 ms from /proc during the window; ")
        .append("CPU busy is its CPU time over the window divided by the window's length (2.0 = two cores flat out).\n")
        .append("- Socket errors and non-2xx answers are counted, never hidden: a figure with errors is not a clean result.\n")
        .append("- Only implementations in the same measured table were run side by side on this machine.\n")
        .append("- A figure measured in several rounds reads `median (min–max)`. The ratio to java-vertx is taken round ")
        .append("by round and reads `median (min–max)` too; `within noise` means the two implementations' ranges overlap, ")
        .append("so neither is ahead.\n");
    return md.toString();
  }

  private static void scenario(StringBuilder md, ScenarioResult scenario) {
    md.append("## ").append(scenario.name()).append(": ").append(escape(scenario.title())).append("\n\n");
    md.append("Standard load: ").append(escape(scenario.standardLoad())).append(". ");
    if (!ScenarioResult.OK.equals(scenario.status())) {
      md.append("\n\n**").append(escape(ReportView.status(scenario))).append("**\n\n");
    }
    List<String> loads = ReportView.loads(scenario);
    if (loads.size() == 1) {
      md.append("Ran: ").append(escape(loads.get(0))).append('.');
    }
    md.append("\n\n");
    if (!scenario.measurements().isEmpty()) {
      measured(md, scenario);
      MemoryView.of(scenario).ifPresent(view -> memory(md, view));
    }
    if (!scenario.published().isEmpty()) {
      md.append("*").append(ReportView.PUBLISHED_CAVEAT).append("*\n\n");
      md.append("| source | their setup | implementation | published figures |\n|---|---|---|---|\n");
      for (Published p : scenario.published()) {
        md.append("| ").append(escape(p.source())).append(" | ").append(escape(p.setup())).append(" | ")
            .append(escape(p.implementation())).append(" | ").append(escape(ReportView.publishedFigures(p))).append(" |\n");
      }
      md.append('\n');
    }
  }

  private static void measured(StringBuilder md, ScenarioResult scenario) {
    List<ReportView.Column> columns = ReportView.columns(scenario);
    Optional<RatioColumn> ratio = RatioColumn.of(scenario);
    md.append("Measured here, side by side:\n\n");
    boolean perRow = ReportView.loadsDiffer(scenario);
    md.append("| implementation | ").append(perRow ? "load | " : "")
        .append(columns.stream().map(ReportView.Column::heading).collect(Collectors.joining(" | ")))
        .append(ratio.map(r -> " | " + r.heading()).orElse(""))
        .append(" |\n|---|").append(perRow ? "---|" : "").append("---:|".repeat(columns.size() + (ratio.isPresent() ? 1 : 0)))
        .append('\n');
    List<String> labels = ReportView.rowLabels(scenario);
    for (int i = 0; i < labels.size(); i++) {
      Measurement m = scenario.measurements().get(i);
      md.append("| ").append(escape(labels.get(i))).append("target".equals(m.kind()) ? " (target)" : "").append(" | ");
      if (perRow) {
        md.append(escape(ReportView.load(m))).append(" | ");
      }
      if (m.ok()) {
        md.append(columns.stream().map(c -> ReportView.cell(m, c)).collect(Collectors.joining(" | ")));
        ratio.ifPresent(r -> md.append(" | ").append(r.cell(m)));
      } else {
        String why = firstLine(m.reason());
        md.append(Measurement.SKIPPED.equals(m.status()) ? escape(why) : "**FAILED**: " + escape(why))
            .append(" |".repeat(Math.max(0, columns.size() - 1 + (ratio.isPresent() ? 1 : 0))));
      }
      md.append(" |\n");
    }
    md.append('\n');
  }

  private static void jvmFlags(StringBuilder md, RunResult result) {
    md.append("## ").append(JvmFlagsText.TITLE).append("\n\n").append(JvmFlagsText.INTRO).append("\n\n");
    JvmFlagsText.DEFAULT.forEach(e -> md.append("- `").append(e.flags()).append("`: ").append(e.why()).append('\n'));
    md.append('\n');
    JvmFlagsText.LEAN.forEach(e -> md.append("- **").append(e.flags()).append("**: ").append(e.why()).append('\n'));
    md.append("\nThis run's profiles:\n\n| profile | from | flags |\n|---|---|---|\n");
    JvmFlagsText.profiles(result).forEach(p -> md.append("| ").append(escape(p.name())).append(" | ").append(escape(p.source()))
        .append(" | `").append(escape(p.flags())).append("` |\n"));
    md.append('\n');
  }

  private static void memory(StringBuilder md, MemoryView view) {
    md.append("Memory against ").append(view.headlineHeading()).append(", smallest RSS first:\n\n| implementation | RSS MB | ")
        .append(view.headlineHeading()).append(view.perMbApplies() ? " | " + view.perMbHeading() + " |\n|---|---:|---:|---:|\n"
            : " |\n|---|---:|---:|\n");
    String unit = view.headline().unit();
    for (MemoryView.Point p : view.byRss()) {
      md.append("| ").append(escape(p.label())).append(" | ").append(Cells.number(p.rssMb(), Figure.MB)).append(" | ")
          .append(Cells.number(p.headline(), unit))
          .append(view.perMbApplies() ? " | " + Cells.number(MemoryView.perMb(p), unit) : "").append(" |\n");
    }
    md.append('\n');
    view.verdicts().forEach(v -> md.append("- ").append(escape(v)).append('\n'));
    md.append(view.verdicts().isEmpty() ? "" : "\n");
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline).stripTrailing() + " (see results.json)";
  }

  static String escape(String text) {
    return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
  }
}
