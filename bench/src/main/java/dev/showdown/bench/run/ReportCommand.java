package dev.showdown.bench.run;

import dev.showdown.bench.result.ResultsJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code bench report DIR}: renders results.csv, report.md and report.html again from a run's results.json. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Re-renders results.csv, report.md and report.html from DIR/results.json.")
public final class ReportCommand implements Callable<Integer> {
  @Parameters(paramLabel = "DIR", description = "A run directory, e.g. results/20260101-120000")
  Path dir;

  @Override
  public Integer call() throws Exception {
    RunDirectory.writeAll(ResultsJson.read(dir.resolve("results.json")), dir);
    System.out.println("wrote " + dir.resolve("results.csv") + ", report.md and report.html");
    return 0;
  }
}
