package dev.showdown.bench.report;

import org.junit.jupiter.api.Test;

import static dev.showdown.bench.result.TestRuns.ok;
import static dev.showdown.bench.result.TestRuns.qps;
import static dev.showdown.bench.result.TestRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

/** Each row's ratio is taken against the Java row that did the same work: its variant, on the default profile. */
class RatioColumnTest {

  @Test
  void aVariantsRowsAreSetAgainstJavasRowOfThatVariant() {
    String md = MarkdownReport.render(run("grpc",
        ok("java-vertx", qps(100.0, 99.0, 101.0)),
        ok("java-vertx (lean)", qps(50.0, 49.0, 51.0)),
        ok("java-vertx redis", qps(40.0, 39.0, 41.0)),
        ok("java-vertx redis (lean)", qps(20.0, 19.5, 20.5)),
        ok("go", qps(80.0, 79.0, 81.0)),
        ok("go redis", qps(30.0, 29.0, 31.0))));

    assertThat(md.lines().filter(line -> line.startsWith("| java-vertx redis |"))).singleElement().asString().endsWith("| base |");
    assertThat(md.lines().filter(line -> line.startsWith("| go redis |"))).singleElement().asString().contains("| 0.75x (");
    assertThat(md.lines().filter(line -> line.startsWith("| java-vertx redis (lean) |"))).singleElement().asString()
        .contains("| 0.50x (");
    assertThat(md.lines().filter(line -> line.startsWith("| go |"))).singleElement().asString().contains("| 0.80x (");
    assertThat(md.lines().filter(line -> line.startsWith("| java-vertx (lean) |"))).singleElement().asString()
        .contains("| 0.50x (");
  }
}
