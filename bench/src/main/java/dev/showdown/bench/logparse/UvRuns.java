package dev.showdown.bench.logparse;

import dev.showdown.bench.result.Figure;
import dev.showdown.bench.result.Measurement;
import dev.showdown.bench.scenario.ScenarioContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the warm and the cold runs of {@code uv FILE} share: their time limit and how their times are recorded. */
final class UvRuns {
  static final String ELAPSED = "elapsed";
  static final Duration PROCESS_TIMEOUT = Duration.ofMinutes(5);

  private UvRuns() {
  }

  /** {@code 100k lines}, or the exact count when it is not whole thousands: the size part of a row's name. */
  static String size(UvAnswer answer) {
    return answer.lines() % 1000 == 0 ? answer.lines() / 1000 + "k lines" : answer.lines() + " lines";
  }

  static Map<String, Object> fileLoad(Path file, UvAnswer answer) {
    Map<String, Object> load = new LinkedHashMap<>();
    load.put("file", file.getFileName().toString());
    load.put("lines", answer.lines());
    return load;
  }

  /**
   * Records timed runs: their median and best, what they counted, and every run's time in the notes. The row's
   * name says what ran ({@code java-vertx uv (warm, scanner, 100k lines)}): the report's rows are told apart by it.
   */
  static void record(ScenarioContext context, String row, String kind, String tool, Map<String, Object> load,
                     List<String> command, List<Double> times, UvAnswer answer, List<Figure> more) {
    List<Figure> figures = new ArrayList<>(List.of(
        Figure.of(ELAPSED, Medians.median(times), Figure.MS),
        Figure.of("elapsed_best", Medians.min(times), Figure.MS)));
    figures.addAll(more);
    figures.add(Figure.of("uv", answer.uv(), Figure.COUNT));
    figures.add(Figure.of("line_errors", answer.errors(), Figure.COUNT));
    Map<String, String> notes = new LinkedHashMap<>();
    notes.put("command", String.join(" ", command));
    notes.put("runs_ms", Medians.list(times));
    context.record(new Measurement(row, kind, null, tool, load, Measurement.OK, null, figures, notes));
  }
}
