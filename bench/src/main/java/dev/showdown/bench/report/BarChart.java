package dev.showdown.bench.report;

import dev.showdown.bench.stats.Spread;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A horizontal bar chart as inline SVG: one group of bars per implementation, one bar per series (e.g. P50 and
 * P99), each labelled with its value (the median of its rounds, with a min-max whisker), on one linear scale
 * starting at zero.
 */
final class BarChart {
  private static final String[] COLOURS = {"#3b6ea5", "#e07b39", "#5a9e6f", "#9b59b6"};
  private static final int WIDTH = 340;
  private static final int LABEL_WIDTH = 110;
  private static final int VALUE_WIDTH = 64;
  private static final int BAR_HEIGHT = 16;
  private static final int GROUP_GAP = 10;
  private static final int TOP = 28;

  private final String title;
  private final String unit;
  private final List<String> series;
  private final List<Group> groups = new ArrayList<>();

  BarChart(String title, String unit, List<String> series) {
    this.title = title;
    this.unit = unit;
    this.series = List.copyOf(series);
  }

  /**
   * Adds one implementation; {@code bars} are in the order of the series, null where it has none. A bar measured
   * in several rounds is drawn to its median with a whisker from its min to its max.
   */
  BarChart group(String label, Spread... bars) {
    groups.add(new Group(label, bars));
    return this;
  }

  boolean isEmpty() {
    return groups.isEmpty();
  }

  String svg() {
    double max = groups.stream().flatMap(g -> Arrays.stream(g.bars)).filter(Objects::nonNull)
        .mapToDouble(Spread::max).max().orElse(1);
    max = max <= 0 ? 1 : max;
    int groupHeight = series.size() * BAR_HEIGHT + GROUP_GAP;
    int legend = series.size() > 1 ? 22 : 0;
    int height = TOP + groups.size() * groupHeight + legend + 6;
    int plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">", WIDTH, height, WIDTH, height, Html.escape(title)));
    svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"16\" class=\"chart-title\">%s (%s)</text>",
        Html.escape(title), Html.escape(unit)));
    int y = TOP;
    for (Group group : groups) {
      int groupTop = y;
      for (int s = 0; s < series.size(); s++) {
        Spread bar = s < group.bars.length ? group.bars[s] : null;
        int barY = groupTop + s * BAR_HEIGHT;
        if (bar != null) {
          double w = Math.max(1, plot * bar.median() / max);
          svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>",
              LABEL_WIDTH, barY + 1, w, BAR_HEIGHT - 2, COLOURS[s % COLOURS.length]));
          double end = LABEL_WIDTH + w;
          if (bar.severalRounds()) {
            end = Math.max(end, whisker(svg, LABEL_WIDTH + plot * bar.min() / max, LABEL_WIDTH + plot * bar.max() / max, barY));
          }
          svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"value\">%s</text>",
              end + 4, barY + BAR_HEIGHT - 4, Cells.number(bar.median(), unit)));
        }
      }
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"label\" text-anchor=\"end\">%s</text>",
          LABEL_WIDTH - 8, groupTop + series.size() * BAR_HEIGHT / 2 + 4, Html.escape(group.label)));
      y += groupHeight;
    }
    if (legend > 0) {
      int x = LABEL_WIDTH;
      for (int s = 0; s < series.size(); s++) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
            + "<text x=\"%d\" y=\"%d\" class=\"label\">%s</text>", x, y + 4, COLOURS[s % COLOURS.length], x + 16, y + 14,
            Html.escape(series.get(s))));
        x += 80;
      }
    }
    return svg.append("</svg>").toString();
  }

  /** The min-to-max line across a bar's middle, with end ticks; returns where it ends. */
  private static double whisker(StringBuilder svg, double from, double to, int barY) {
    int middle = barY + BAR_HEIGHT / 2;
    svg.append(String.format(Locale.ROOT, "<path class=\"whisker\" d=\"M%.1f %dH%.1fM%.1f %dV%dM%.1f %dV%d\" "
        + "stroke=\"#1d2430\" stroke-width=\"1.2\" fill=\"none\"/>", from, middle, to, from, middle - 4, middle + 4,
        to, middle - 4, middle + 4));
    return to;
  }

  private record Group(String label, Spread[] bars) {
  }
}
