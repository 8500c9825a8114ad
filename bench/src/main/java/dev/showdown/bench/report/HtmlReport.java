package dev.showdown.bench.report;

import dev.showdown.bench.latency.LatencyLog;
import dev.showdown.bench.result.Figure;
import dev.showdown.bench.result.Measurement;
import dev.showdown.bench.result.RunResult;
import dev.showdown.bench.result.ScenarioResult;
import dev.showdown.bench.scenario.Published;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * report.html: one self-contained page (inline CSS and SVG, nothing fetched) with the run's conditions and, per
 * scenario, the measured table, bar charts of QPS, P50/P99 and RSS, and the published figures set apart.
 */
public final class HtmlReport {
  private static final String STYLE = """
      body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2430;max-width:1100px;margin:24px auto;padding:0 16px}
      h1{font-size:22px;margin:0 0 12px}h2{font-size:18px;margin:32px 0 6px;border-bottom:1px solid #d8dde6;padding-bottom:4px}
      dl.conditions{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:0 0 16px}
      dl.conditions dt{font-weight:600}dl.conditions dd{margin:0}
      table{border-collapse:collapse;margin:8px 0 12px;font-variant-numeric:tabular-nums}
      th,td{border:1px solid #d8dde6;padding:4px 8px;text-align:right;vertical-align:top}
      th:first-child,td:first-child{text-align:left}table.text th,table.text td{text-align:left}th{background:#f1f4f8;font-weight:600}
      td.failed{text-align:left;color:#a3271f}td.load{text-align:left;font-size:12px;color:#434b57;max-width:320px}
      .status-failed{color:#a3271f;font-weight:600}.status-skipped{color:#7a6500}
      .charts{display:flex;flex-wrap:wrap;gap:12px 28px;margin:6px 0 8px}
      .chart-title{font-size:13px;font-weight:600;fill:#1d2430}.label{font-size:12px;fill:#1d2430}.value{font-size:11px;fill:#434b57}
      .published{background:#f7f7f4;border-left:4px solid #b9b29a;padding:6px 12px;margin:10px 0}
      .published table{background:#fff}.published td{text-align:left}.caveat{font-style:italic;color:#555;margin:4px 0}
      .muted{color:#5b6470}.notes{font-size:12px;color:#5b6470}
      """;

  private HtmlReport() {
  }

  /** The page without percentile plots, for a result whose run folder is not at hand. */
  public static String render(RunResult result) {
    return render(result, null);
  }

  /**
   * The page, with a percentile plot per scenario from the latency logs that its measurements' notes name
   * ({@code latency_log}, relative to {@code runDir}).
   */
  public static String render(RunResult result, Path runDir) {
    StringBuilder html = new StringBuilder();
    String title = ReportView.title(result);
    html.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(Html.escape(title))
        .append("</title><style>").append(STYLE).append("</style></head><body>\n");
    html.append("<h1>").append(Html.escape(title)).append("</h1>\n<dl class=\"conditions\">");
    ReportView.conditions(result).forEach((label, value) -> html.append("<dt>").append(Html.escape(label))
        .append("</dt><dd>").append(Html.escape(value)).append("</dd>"));
    html.append("</dl>\n");
    summary(html, result.scenarios());
    for (ScenarioResult scenario : result.scenarios()) {
      scenario(html, scenario, runDir);
    }
    jvmFlags(html, result);
    html.append("<p class=\"notes\">QPS/core divides QPS by the cores of the machine it ran on. RSS peak: resident ")
        .append("memory of the service process, sampled every 200 ms from /proc in the measured window. CPU busy: its CPU ")
        .append("time over the window divided by the window's length. The load generator runs on the same machine. ")
        .append("A figure measured in several rounds reads median (min–max), and its bar's whisker spans min to max; ")
        .append("ratios to java-vertx are paired round by round, and read within noise when the two ranges overlap. ")
        .append("Every figure with its unit is in results.json.</p>\n</body></html>\n");
    return html.toString();
  }

  private static void summary(StringBuilder html, List<ScenarioResult> scenarios) {
    html.append("<table class=\"text\"><tr><th>scenario</th><th>status</th><th>standard load</th></tr>");
    for (ScenarioResult s : scenarios) {
      html.append("<tr><td><a href=\"#").append(Html.escape(s.name())).append("\">").append(Html.escape(s.name()))
          .append("</a></td><td class=\"status-").append(Html.escape(s.status())).append("\">")
          .append(Html.escape(ReportView.status(s))).append("</td><td>")
          .append(Html.escape(s.standardLoad())).append("</td></tr>");
    }
    html.append("</table>\n");
  }

  private static void scenario(StringBuilder html, ScenarioResult scenario, Path runDir) {
    html.append("<h2 id=\"").append(Html.escape(scenario.name())).append("\">").append(Html.escape(scenario.name()))
        .append(": ").append(Html.escape(scenario.title())).append("</h2>\n");
    html.append("<p class=\"muted\">Standard load: ").append(Html.escape(scenario.standardLoad()));
    List<String> loads = ReportView.loads(scenario);
    if (loads.size() == 1) {
      html.append("<br>Ran: ").append(Html.escape(loads.get(0)));
    }
    html.append("</p>\n");
    if (!ScenarioResult.OK.equals(scenario.status())) {
      html.append("<p class=\"status-").append(Html.escape(scenario.status())).append("\">")
          .append(Html.escape(ReportView.status(scenario))).append("</p>\n");
    }
    if (!scenario.measurements().isEmpty()) {
      measured(html, scenario);
      charts(html, scenario, runDir);
      MemoryView.of(scenario).ifPresent(view -> memory(html, view));
    }
    if (!scenario.published().isEmpty()) {
      published(html, scenario.published());
    }
  }

  private static void measured(StringBuilder html, ScenarioResult scenario) {
    List<ReportView.Column> columns = ReportView.columns(scenario);
    Optional<RatioColumn> ratio = RatioColumn.of(scenario);
    boolean perRow = ReportView.loadsDiffer(scenario);
    html.append("<table><tr><th>measured here, side by side</th>").append(perRow ? "<th>load</th>" : "");
    columns.forEach(c -> html.append("<th>").append(Html.escape(c.heading())).append("</th>"));
    ratio.ifPresent(r -> html.append("<th>").append(Html.escape(r.heading())).append("</th>"));
    html.append("</tr>");
    List<String> labels = ReportView.rowLabels(scenario);
    for (int i = 0; i < labels.size(); i++) {
      Measurement m = scenario.measurements().get(i);
      html.append("<tr><td>").append(Html.escape(labels.get(i)))
          .append("target".equals(m.kind()) ? " <span class=\"muted\">(target)</span>" : "").append("</td>");
      if (perRow) {
        html.append("<td class=\"load\">").append(Html.escape(ReportView.load(m))).append("</td>");
      }
      if (m.ok()) {
        columns.forEach(c -> html.append("<td>").append(ReportView.cell(m, c)).append("</td>"));
        ratio.ifPresent(r -> html.append("<td>").append(Html.escape(r.cell(m))).append("</td>"));
      } else {
        html.append("<td class=\"failed\" colspan=\"").append(Math.max(1, columns.size() + (ratio.isPresent() ? 1 : 0)))
            .append("\">")
            .append(Html.escape(ReportView.notMeasured(m)).replace("\n", "<br>")).append("</td>");
      }
      html.append("</tr>");
    }
    html.append("</table>\n");
  }

  private static void charts(StringBuilder html, ScenarioResult scenario, Path runDir) {
    List<String> labels = ReportView.rowLabels(scenario);
    BarChart qps = new BarChart("Throughput", Figure.REQ_PER_S, List.of("QPS"));
    BarChart latency = new BarChart("Latency", Figure.MS, List.of("P50", "P99"));
    BarChart rss = new BarChart("Memory: RSS peak", Figure.MB, List.of("RSS peak"));
    for (int i = 0; i < labels.size(); i++) {
      Measurement m = scenario.measurements().get(i);
      String label = labels.get(i);
      if (!m.ok()) {
        continue;
      }
      m.figure(Figure.QPS).ifPresent(f -> qps.group(label, f.spread()));
      if (m.figure(Figure.P50).isPresent() || m.figure(Figure.P99).isPresent()) {
        latency.group(label, ReportView.spread(m, Figure.P50), ReportView.spread(m, Figure.P99));
      }
      m.figure(Figure.RSS_PEAK).ifPresent(f -> rss.group(label, f.spread()));
    }
    html.append("<div class=\"charts\">");
    for (BarChart chart : List.of(qps, latency, rss)) {
      if (!chart.isEmpty()) {
        html.append(chart.svg());
      }
    }
    html.append("</div>\n");
    if (runDir != null) {
      percentiles(html, scenario, labels, runDir);
    }
  }

  private static void jvmFlags(StringBuilder html, RunResult result) {
    html.append("<h2 id=\"jvm-flags\">").append(JvmFlagsText.TITLE).append("</h2>\n<p>").append(Html.escape(JvmFlagsText.INTRO))
        .append("</p>\n<dl class=\"conditions\">");
    for (JvmFlagsText.Entry e : concat(JvmFlagsText.DEFAULT, JvmFlagsText.LEAN)) {
      html.append("<dt><code>").append(Html.escape(e.flags())).append("</code></dt><dd>").append(Html.escape(e.why())).append("</dd>");
    }
    html.append("</dl>\n<table class=\"text\"><tr><th>profile</th><th>from</th><th>flags</th></tr>");
    JvmFlagsText.profiles(result).forEach(p -> html.append("<tr><td>").append(Html.escape(p.name())).append("</td><td>")
        .append(Html.escape(p.source())).append("</td><td><code>").append(Html.escape(p.flags())).append("</code></td></tr>"));
    html.append("</table>\n");
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static void memory(StringBuilder html, MemoryView view) {
    html.append("<div class=\"charts\">").append(ScatterPlot.svg(view)).append("</div>\n");
    List<String> verdicts = view.verdicts();
    if (!verdicts.isEmpty()) {
      html.append("<ul class=\"notes\">");
      verdicts.forEach(v -> html.append("<li>").append(Html.escape(v)).append("</li>"));
      html.append("</ul>\n");
    }
  }

  private static void percentiles(StringBuilder html, ScenarioResult scenario, List<String> labels, Path runDir) {
    PercentilePlot plot = new PercentilePlot();
    List<String> unreadable = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      Measurement m = scenario.measurements().get(i);
      String log = m.notes() == null ? null : m.notes().get(LatencyLog.NOTE);
      if (!m.ok() || log == null) {
        continue;
      }
      try {
        plot.line(labels.get(i), LatencyLog.read(runDir.resolve(log)));
      } catch (IOException e) {
        unreadable.add(labels.get(i) + ": " + e.getMessage());
      }
    }
    if (!plot.isEmpty()) {
      html.append("<div class=\"charts\">").append(plot.svg()).append("</div>\n");
    }
    unreadable.forEach(u -> html.append("<p class=\"notes\">No percentile line for ").append(Html.escape(u))
        .append("</p>\n"));
  }

  private static void published(StringBuilder html, List<Published> published) {
    html.append("<div class=\"published\"><p class=\"caveat\">").append(Html.escape(ReportView.PUBLISHED_CAVEAT))
        .append("</p><table class=\"text\"><tr><th>source</th><th>their setup</th><th>implementation</th><th>published figures</th></tr>");
    for (Published p : published) {
      html.append("<tr><td>").append(Html.escape(p.source())).append("</td><td>").append(Html.escape(p.setup()))
          .append("</td><td>").append(Html.escape(p.implementation())).append("</td><td>")
          .append(Html.escape(ReportView.publishedFigures(p))).append("</td></tr>");
    }
    html.append("</table></div>\n");
  }
}
