package dev.showdown.bench.report;

import dev.showdown.bench.result.ResultsJson;
import dev.showdown.bench.result.RunResult;
import dev.showdown.bench.result.ScenarioResult;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** The fixed results.json files under src/test/resources/report, and counting in rendered text. */
final class ReportFixtures {
  private ReportFixtures() {
  }

  static RunResult results(String name) {
    try {
      return ResultsJson.read(Path.of(ReportFixtures.class.getResource("/report/" + name).toURI()));
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the fixture " + name, e);
    }
  }

  /** The fixture results.json with {@code scenarios} in place of its own: the run's conditions around known measurements. */
  static RunResult withScenarios(ScenarioResult... scenarios) {
    RunResult base = results("results.json");
    return new RunResult(base.schema(), base.started(), base.finished(), base.machine(), base.jvm(), base.git(),
        base.settings(), List.of(scenarios));
  }

  static long count(String text, String part) {
    return Pattern.compile(Pattern.quote(part)).matcher(text).results().count();
  }
}
