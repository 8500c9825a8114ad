package dev.showdown.bench.compare;

import dev.showdown.bench.result.Measurement;
import dev.showdown.bench.result.ResultsJson;
import dev.showdown.bench.result.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.showdown.bench.result.TestRuns.failed;
import static dev.showdown.bench.result.TestRuns.ok;
import static dev.showdown.bench.result.TestRuns.p99;
import static dev.showdown.bench.result.TestRuns.qps;
import static dev.showdown.bench.result.TestRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code bench compare} on results.json files written by the test: its exit status and the rows it writes. */
class CompareCommandTest {
  private static final Measurement BEFORE = ok("java-vertx", qps(100.0, 98.0, 102.0), p99(4.0, 3.8, 4.3));

  @TempDir
  Path dir;

  private final StringWriter stdout = new StringWriter();
  private final StringWriter stderr = new StringWriter();

  @Test
  void aThroughputDropBeyondNoiseAndThresholdIsARegression() throws Exception {
    int status = compare(run("ping", BEFORE), run("ping", ok("java-vertx", qps(80.0, 79.0, 82.0), p99(4.1, 3.9, 4.2))));

    assertThat(status).isEqualTo(1);
    assertThat(dir.resolve("b/compare.md")).content()
        .startsWith("# Showdown bench comparison: REGRESSION")
        .contains("| ping | java-vertx | QPS (req/s) | 100 (98–102) | 80 (79–82) | -20.0% (-22.5% to -16.3%) "
            + "| WORSE by more than 5% |")
        .contains("| ping | java-vertx | P99 (ms) | 4.00 (3.80–4.30) | 4.10 (3.90–4.20) | +2.5% (-9.3% to +10.5%) | within noise |");
    assertThat(dir.resolve("b/compare.html")).content().contains("<tr class=\"regression\"><td>ping</td>");
    assertThat(stdout.toString()).contains("WORSE by more than 5%").contains("wrote ");
  }

  @Test
  void aLatencyRiseIsARegressionTooSinceLowerIsBetter() throws Exception {
    int status = compare(run("ping", BEFORE), run("ping", ok("java-vertx", qps(100.0, 99.0, 101.0), p99(6.0, 5.5, 6.5))));

    assertThat(status).isEqualTo(1);
    assertThat(dir.resolve("b/compare.md")).content().contains("| P99 (ms) | 4.00 (3.80–4.30) | 6.00 (5.50–6.50) | +50.0% ")
        .contains("| QPS (req/s) | 100 (98–102) | 100 (99–101) | +0.0% (-2.9% to +3.1%) | within noise |");
  }

  @Test
  void differencesWithinTheNoiseAreNoRegressionHoweverLargeTheMedianMove() throws Exception {
    // The median fell 8%, beyond the threshold, but B's range reaches into A's: noise, not a finding.
    int status = compare(run("ping", BEFORE), run("ping", ok("java-vertx", qps(92.0, 99.0, 85.0), p99(4.0, 3.8, 4.3))));

    assertThat(status).isZero();
    assertThat(dir.resolve("b/compare.md")).content().startsWith("# Showdown bench comparison: no regression")
        .contains("| -8.0% (-16.7% to +1.0%) | within noise |");
  }

  @Test
  void aSeparateRangeWithinTheThresholdIsNoRegression() throws Exception {
    int status = compare(run("ping", BEFORE), run("ping", ok("java-vertx", qps(96.0, 95.5, 97.0), p99(4.0, 3.8, 4.3))),
        "--threshold", "10%");

    assertThat(status).isZero();
    assertThat(dir.resolve("b/compare.md")).content().contains("| within 10% |");
  }

  @Test
  void separateRangesWhoseClosestRoundsAreWithinTheThresholdAreNoRegression() throws Exception {
    // Two back-to-back runs of one commit on this machine: the median P99 rose 9.6%, the ranges are apart, but
    // B's best round is only 1.1% above A's worst: a whole run drifted, no change can be claimed beyond 5%.
    Measurement a = ok("gin", qps(100.0, 98.0, 102.0), p99(6.33, 6.13, 6.52));
    Measurement b = ok("gin", qps(100.0, 98.0, 102.0), p99(6.94, 6.59, 6.98));

    assertThat(compare(run("user", a), run("user", b))).isZero();
    assertThat(dir.resolve("b/compare.md")).content().contains("| +9.6% (+1.1% to +13.9%) | within 5% |");
  }

  @Test
  void singleRoundsCompareTheirValuesAgainstTheThreshold() throws Exception {
    RunResult a = run("ping", ok("java-vertx", qps(100.0)));

    assertThat(compare(a, run("ping", ok("java-vertx", qps(97.0))))).isZero();
    assertThat(dir.resolve("b/compare.md")).content().contains("| 100 | 97 | -3.0% | within 5% |");
    assertThat(compare(a, run("ping", ok("java-vertx", qps(90.0))))).isEqualTo(1);
  }

  @Test
  void aMeasurementThatFailedInBIsARegressionAndAMissingOneIsNot() throws Exception {
    Measurement gin = ok("gin", qps(50.0, 49.0, 51.0));
    int status = compare(run("ping", BEFORE, gin), run("ping", failed("java-vertx", "ping-service died during the load\nlast lines")));

    assertThat(status).isEqualTo(1);
    assertThat(dir.resolve("b/compare.md")).content()
        .contains("| ping | java-vertx | QPS (req/s) | 100 (98–102) | – | – | FAILED (failed in B: ping-service died during the load) |")
        .contains("| ping | gin | QPS (req/s) | 50 (49–51) | – | – | not in B |");
  }

  @Test
  void aMissingFileOrABadThresholdIsAUsageError() throws Exception {
    ResultsJson.write(run("ping", BEFORE), Files.createDirectories(dir.resolve("a")).resolve("results.json"));

    assertThat(execute(dir.resolve("a").toString(), dir.resolve("nosuch").toString())).isEqualTo(2);
    assertThat(stderr.toString()).contains("nosuch does not exist");
    assertThat(execute(dir.resolve("a").toString(), dir.resolve("a/results.json").toString(), "--threshold", "five"))
        .isEqualTo(2);
    assertThat(stderr.toString()).contains("--threshold must be a percentage");
    assertThat(dir.resolve("a/compare.md")).doesNotExist();
  }

  private int compare(RunResult a, RunResult b, String... options) throws Exception {
    ResultsJson.write(a, Files.createDirectories(dir.resolve("a")).resolve("results.json"));
    ResultsJson.write(b, Files.createDirectories(dir.resolve("b")).resolve("results.json"));
    String[] args = new String[options.length + 2];
    args[0] = dir.resolve("a").toString();
    args[1] = dir.resolve("b/results.json").toString();
    System.arraycopy(options, 0, args, 2, options.length);
    return execute(args);
  }

  private int execute(String... args) {
    return new CommandLine(new CompareCommand()).setOut(new PrintWriter(stdout, true)).setErr(new PrintWriter(stderr, true))
        .execute(args);
  }
}
