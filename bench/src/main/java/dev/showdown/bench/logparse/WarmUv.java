package dev.showdown.bench.logparse;

import dev.showdown.bench.scenario.ScenarioContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/** The warm count: {@code uv FILE --repeat N} in one process, the median of the runs after the warm-up ones. */
final class WarmUv {
  private WarmUv() {
  }

  /**
   * Counts {@code file} repeatedly in one process ({@code command} of the repeat count); records the median after
   * the warm-up runs and returns the first run's answer. {@code parser} names the Java command line's parser (null
   * for a peer).
   */
  static UvAnswer measure(ScenarioContext context, String implementation, String kind, Path file, String parser,
                          IntFunction<List<String>> command) throws Exception {
    // The first runs are still interpreted or in C1; by the fifth the hot loops are C2 code.
    int warmups = context.quick() ? 3 : 5;
    int measured = context.quick() ? 3 : 10;
    String what = parser == null ? "warm" : "warm, " + parser;
    context.phase(implementation + " " + what + ": uv --repeat " + (warmups + measured) + " on " + file.getFileName());
    List<String> repeated = command.apply(warmups + measured);
    OneShot.Result result = OneShot.run(repeated, context.repoRoot(),
        context.workDir().resolve("warm-" + implementation + (parser == null ? "" : "-" + parser) + ".log"),
        UvRuns.PROCESS_TIMEOUT);
    List<UvAnswer> answers = UvAnswer.parseLines(result.output());
    UvAnswer first = answers.get(0);
    List<Double> times = new ArrayList<>();
    for (UvAnswer answer : answers.subList(warmups, answers.size())) {
      if (!answer.sameCountAs(first)) {
        throw new IllegalStateException("runs disagree: " + first + " then " + answer);
      }
      times.add(answer.elapsedMs());
    }
    Map<String, Object> load = UvRuns.fileLoad(file, first);
    if (parser != null) {
      load.put("parser", parser);
    }
    load.put("runs", "median of " + measured + " after " + warmups + " warm-up runs in one process");
    UvRuns.record(context, implementation + " uv (" + what + ", " + UvRuns.size(first) + ")", kind, "uv --repeat", load,
        repeated, times, first, List.of());
    context.phase(String.format(Locale.ROOT, "%s %s: median %.1f ms, uv %d", implementation, what,
        Medians.median(times), first.uv()));
    return first;
  }
}
