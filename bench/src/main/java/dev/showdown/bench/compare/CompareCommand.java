package dev.showdown.bench.compare;

import dev.showdown.bench.report.CompareReport;
import dev.showdown.bench.result.ResultsJson;
import dev.showdown.bench.result.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code bench compare RUN_A RUN_B}: did B get worse than A on a headline figure, beyond the noise? */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = {"Compares the headline figures (QPS, P99, elapsed, RSS peak) of two runs, prints the table and "
        + "writes compare.md and compare.html.",
        "Exit status: 1 when a headline figure of B is worse than A's by more than the threshold even between "
            + "the two runs' closest rounds, or a measurement ok in A failed in B; 0 otherwise; 2 for a usage error."})
public final class CompareCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN_A", description = "The earlier run: its directory or its results.json")
  Path runA;

  @Parameters(index = "1", paramLabel = "RUN_B", description = "The later run: its directory or its results.json")
  Path runB;

  @Option(names = "--threshold", defaultValue = "5%", paramLabel = "PERCENT",
      description = "How much worse a figure may get beyond the noise before it counts as a regression (default: ${DEFAULT-VALUE})")
  String threshold;

  @Option(names = "--out", paramLabel = "DIR", description = "Where compare.md and compare.html go (default: RUN_B's directory)")
  Path out;

  @Override
  public Integer call() throws IOException {
    double fraction = threshold(threshold);
    Path fileA = resultsFile(runA);
    Path fileB = resultsFile(runB);
    Comparison comparison = Comparison.of(read(fileA), read(fileB), fraction);
    Path dir = out != null ? out : fileB.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    String markdown = CompareReport.markdown(comparison, fileA.toString(), fileB.toString());
    Files.writeString(dir.resolve("compare.md"), markdown, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("compare.html"), CompareReport.html(comparison, fileA.toString(), fileB.toString()),
        StandardCharsets.UTF_8);
    spec.commandLine().getOut().print(markdown);
    spec.commandLine().getOut().println("wrote " + dir.resolve("compare.md") + " and compare.html");
    spec.commandLine().getOut().flush();
    return comparison.regressed() ? 1 : 0;
  }

  /** {@code 5%}, {@code 5} or {@code 2.5%} as a fraction. */
  private double threshold(String text) {
    String number = text.strip().endsWith("%") ? text.strip().substring(0, text.strip().length() - 1) : text.strip();
    try {
      double percent = Double.parseDouble(number);
      if (percent >= 0 && percent < 1000) {
        return percent / 100;
      }
    } catch (NumberFormatException e) {
      // Reported below with the value as given.
    }
    throw new ParameterException(spec.commandLine(), "--threshold must be a percentage from 0 to 999, e.g. 5%, not '" + text + "'");
  }

  private Path resultsFile(Path run) {
    Path file = Files.isDirectory(run) ? run.resolve("results.json") : run;
    if (!Files.isRegularFile(file)) {
      throw new ParameterException(spec.commandLine(), file + " does not exist: give a run directory or its results.json");
    }
    return file;
  }

  private RunResult read(Path file) {
    try {
      return ResultsJson.read(file);
    } catch (IOException e) {
      throw new ParameterException(spec.commandLine(), file + " is not a readable results.json: "
          + e.getMessage().lines().findFirst().orElse(""));
    }
  }
}
