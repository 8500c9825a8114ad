package dev.showdown.bench.report;

import dev.showdown.bench.result.ResultsJson;
import dev.showdown.bench.result.RunResult;

import java.nio.file.Path;
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

  static long count(String text, String part) {
    return Pattern.compile(Pattern.quote(part)).matcher(text).results().count();
  }
}
