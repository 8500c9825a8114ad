package dev.showdown.bench.report;

import dev.showdown.bench.compare.CompareRow;
import dev.showdown.bench.compare.Comparison;

import java.util.List;
import java.util.stream.Collectors;

/** compare.md and compare.html: the two runs, the threshold, and one row per headline figure. */
public final class CompareReport {
  private CompareReport() {
  }

  public static String markdown(Comparison c, String nameA, String nameB) {
    StringBuilder md = new StringBuilder("# ").append(CompareView.title(c)).append("\n\n");
    CompareView.header(c, nameA, nameB).forEach((label, value) -> md.append("- **").append(label).append("**: ")
        .append(MarkdownReport.escape(value)).append('\n'));
    md.append("\n| ").append(String.join(" | ", CompareView.HEADINGS)).append(" |\n|---|---|---|")
        .append("---:|".repeat(3)).append("---|\n");
    for (CompareRow row : c.rows()) {
      md.append("| ").append(CompareView.cells(row, c.threshold()).stream().map(MarkdownReport::escape)
          .collect(Collectors.joining(" | "))).append(" |\n");
    }
    return md.append('\n').append(CompareView.directions()).append('\n').toString();
  }

  public static String html(Comparison c, String nameA, String nameB) {
    String title = CompareView.title(c);
    StringBuilder html = new StringBuilder("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(Html.escape(title)).append("</title><style>")
        .append("body{font:14px/1.45 system-ui,sans-serif;color:#1d2430;max-width:1100px;margin:24px auto;padding:0 16px}")
        .append("table{border-collapse:collapse;font-variant-numeric:tabular-nums}th,td{border:1px solid #d8dde6;")
        .append("padding:4px 8px;text-align:left}td.n{text-align:right}th{background:#f1f4f8}")
        .append("tr.regression td{background:#fbe9e7;color:#a3271f;font-weight:600}tr.better td{background:#eef7ee}")
        .append("dt{font-weight:600}dd{margin:0 0 4px}.notes{font-size:12px;color:#5b6470}</style></head><body>\n<h1>")
        .append(Html.escape(title)).append("</h1>\n<dl>");
    CompareView.header(c, nameA, nameB).forEach((label, value) -> html.append("<dt>").append(Html.escape(label))
        .append("</dt><dd>").append(Html.escape(value)).append("</dd>"));
    html.append("</dl>\n<table><tr>");
    CompareView.HEADINGS.forEach(h -> html.append("<th>").append(Html.escape(h)).append("</th>"));
    html.append("</tr>");
    for (CompareRow row : c.rows()) {
      html.append("<tr class=\"").append(row.verdict().regression() ? "regression" : row.verdict().name().toLowerCase())
          .append("\">");
      List<String> cells = CompareView.cells(row, c.threshold());
      for (int i = 0; i < cells.size(); i++) {
        boolean number = i >= 3 && i <= 5;
        html.append(number ? "<td class=\"n\">" : "<td>").append(Html.escape(cells.get(i))).append("</td>");
      }
      html.append("</tr>");
    }
    return html.append("</table>\n<p class=\"notes\">").append(Html.escape(CompareView.directions()))
        .append("</p>\n</body></html>\n").toString();
  }
}
