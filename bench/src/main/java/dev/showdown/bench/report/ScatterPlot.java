package dev.showdown.bench.report;

import java.util.List;
import java.util.Locale;

/**
 * A {@link MemoryView} as inline SVG: peak RSS across, the headline figure up, both linear from zero; one dot per
 * row (Java rows blue, peers orange), each labelled with its row's name.
 */
final class ScatterPlot {
  private static final String JAVA_COLOUR = "#3b6ea5";
  private static final String PEER_COLOUR = "#e07b39";
  private static final int WIDTH = 560;
  private static final int HEIGHT = 300;
  private static final int LEFT = 64;
  private static final int RIGHT = 150;
  private static final int TOP = 28;
  private static final int BOTTOM = 40;

  private ScatterPlot() {
  }

  static String svg(MemoryView view) {
    List<MemoryView.Point> points = view.byRss();
    double xStep = PercentilePlot.niceStep(points.stream().mapToDouble(MemoryView.Point::rssMb).max().orElse(1) / 4);
    double yStep = PercentilePlot.niceStep(points.stream().mapToDouble(MemoryView.Point::headline).max().orElse(1) / 4);
    double xTop = top(points.stream().mapToDouble(MemoryView.Point::rssMb).max().orElse(1), xStep);
    double yTop = top(points.stream().mapToDouble(MemoryView.Point::headline).max().orElse(1), yStep);
    int plotWidth = WIDTH - LEFT - RIGHT;
    int plotHeight = HEIGHT - TOP - BOTTOM;
    String title = "Memory against " + view.headlineHeading();
    StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
        + "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">"
        + "<text x=\"0\" y=\"16\" class=\"chart-title\">%s</text>", WIDTH, HEIGHT, WIDTH, HEIGHT, Html.escape(title),
        Html.escape(title)));
    String unit = view.headline().unit();
    for (double v = 0; v <= yTop + yStep / 2; v += yStep) {
      double y = TOP + plotHeight * (1 - v / yTop);
      svg.append(String.format(Locale.ROOT, "<path d=\"M%d %.1fH%d\" stroke=\"#e3e7ee\"/><text x=\"%d\" y=\"%.1f\" "
          + "class=\"value\" text-anchor=\"end\">%s</text>", LEFT, y, LEFT + plotWidth, LEFT - 6, y + 4, Cells.number(v, unit)));
    }
    for (double v = 0; v <= xTop + xStep / 2; v += xStep) {
      double x = LEFT + plotWidth * v / xTop;
      svg.append(String.format(Locale.ROOT, "<path d=\"M%.1f %dV%d\" stroke=\"#e3e7ee\"/><text x=\"%.1f\" y=\"%d\" "
          + "class=\"value\" text-anchor=\"middle\">%s</text>", x, TOP, TOP + plotHeight, x, TOP + plotHeight + 14,
          Cells.number(v, "MB")));
    }
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"label\" text-anchor=\"middle\">RSS peak (MB)</text>",
        LEFT + plotWidth / 2, HEIGHT - 6));
    for (MemoryView.Point p : points) {
      double x = LEFT + plotWidth * p.rssMb() / xTop;
      double y = TOP + plotHeight * (1 - p.headline() / yTop);
      svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"><title>%s: %s MB, %s %s</title>"
          + "</circle><text x=\"%.1f\" y=\"%.1f\" class=\"value\">%s</text>", x, y, p.java() ? JAVA_COLOUR : PEER_COLOUR,
          Html.escape(p.label()), Cells.number(p.rssMb(), "MB"), Cells.number(p.headline(), unit), Html.escape(unit),
          x + 6, y + 4, Html.escape(p.label())));
    }
    return svg.append("</svg>").toString();
  }

  private static double top(double max, double step) {
    return Math.max(step, Math.ceil(max / step) * step);
  }
}
