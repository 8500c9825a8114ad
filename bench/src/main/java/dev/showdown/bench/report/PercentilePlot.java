package dev.showdown.bench.report;

import dev.showdown.bench.latency.PercentileSpectrum;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Latency against percentile as inline SVG, one line per implementation: the percentile axis is logarithmic in
 * 1/(1 - p), so that 50, 90, 99, 99.9 and 99.99 % stand equally apart and the tail gets the room it needs; the
 * latency axis is linear from zero.
 */
final class PercentilePlot {
  private static final String[] COLOURS = {"#3b6ea5", "#e07b39", "#5a9e6f", "#9b59b6", "#c0392b", "#7f8c8d"};
  private static final double[] TICKS = {50, 90, 99, 99.9, 99.99};
  private static final int WIDTH = 520;
  private static final int HEIGHT = 250;
  private static final int LEFT = 52;
  private static final int RIGHT = 130;
  private static final int TOP = 28;
  private static final int BOTTOM = 34;

  private final List<Line> lines = new ArrayList<>();

  PercentilePlot line(String label, PercentileSpectrum spectrum) {
    if (!spectrum.isEmpty()) {
      lines.add(new Line(label, spectrum));
    }
    return this;
  }

  boolean isEmpty() {
    return lines.isEmpty();
  }

  /** Where percentile {@code p} lies between 50 % (0) and 99.99 % (1). */
  static double position(double p) {
    double lowest = Math.log10(2);
    return (Math.log10(100 / (100 - Math.min(p, 99.99))) - lowest) / (4 - lowest);
  }

  String svg() {
    double max = lines.stream().flatMap(l -> l.spectrum.points().stream()).mapToDouble(PercentileSpectrum.Point::millis)
        .max().orElse(1);
    double step = niceStep(max / 4);
    double top = Math.max(step, Math.ceil(max / step) * step);
    int plotWidth = WIDTH - LEFT - RIGHT;
    int plotHeight = HEIGHT - TOP - BOTTOM;
    StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
        + "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"Latency by percentile\">"
        + "<text x=\"0\" y=\"16\" class=\"chart-title\">Latency by percentile (ms)</text>", WIDTH, HEIGHT, WIDTH, HEIGHT));
    for (double v = 0; v <= top + step / 2; v += step) {
      double y = TOP + plotHeight * (1 - v / top);
      svg.append(String.format(Locale.ROOT, "<path d=\"M%d %.1fH%d\" stroke=\"#e3e7ee\"/><text x=\"%d\" y=\"%.1f\" "
          + "class=\"value\" text-anchor=\"end\">%s</text>", LEFT, y, LEFT + plotWidth, LEFT - 6, y + 4, Cells.number(v, "ms")));
    }
    for (double p : TICKS) {
      double x = LEFT + plotWidth * position(p);
      svg.append(String.format(Locale.ROOT, "<path d=\"M%.1f %dV%d\" stroke=\"#e3e7ee\"/><text x=\"%.1f\" y=\"%d\" "
          + "class=\"value\" text-anchor=\"middle\">%s%%</text>", x, TOP, TOP + plotHeight, x, TOP + plotHeight + 16,
          BigDecimal.valueOf(p).stripTrailingZeros().toPlainString()));
    }
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      String colour = COLOURS[i % COLOURS.length];
      StringBuilder points = new StringBuilder();
      for (PercentileSpectrum.Point point : line.spectrum.points()) {
        points.append(String.format(Locale.ROOT, "%s%.1f,%.1f", points.length() == 0 ? "" : " ",
            LEFT + plotWidth * position(point.percentile()), TOP + plotHeight * (1 - point.millis() / top)));
      }
      svg.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\" points=\"")
          .append(points).append("\"/>");
      int legendY = TOP + 8 + i * 18;
      svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"3\" fill=\"%s\"/>"
          + "<text x=\"%d\" y=\"%d\" class=\"label\">%s</text>", LEFT + plotWidth + 12, legendY, colour,
          LEFT + plotWidth + 30, legendY + 5, Html.escape(line.label)));
    }
    return svg.append("</svg>").toString();
  }

  /** 1, 2 or 5 times a power of ten, at least {@code rough}. */
  static double niceStep(double rough) {
    if (!(rough > 0)) {
      return 1;
    }
    double power = Math.pow(10, Math.floor(Math.log10(rough)));
    for (double factor : new double[] {1, 2, 5, 10}) {
      if (factor * power >= rough) {
        return factor * power;
      }
    }
    return 10 * power;
  }

  private record Line(String label, PercentileSpectrum spectrum) {
  }
}
