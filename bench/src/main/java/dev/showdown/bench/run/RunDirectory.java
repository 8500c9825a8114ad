package dev.showdown.bench.run;

import dev.showdown.bench.report.HtmlReport;
import dev.showdown.bench.report.MarkdownReport;
import dev.showdown.bench.result.ResultsCsv;
import dev.showdown.bench.result.ResultsJson;
import dev.showdown.bench.result.RunResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** {@code <out>/<timestamp>/}: results.json, results.csv, report.md and report.html, rewritten after every scenario. */
public final class RunDirectory implements Runner.ResultsSink {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final Path dir;

  private RunDirectory(Path dir) {
    this.dir = dir;
  }

  /** A new directory named after the current UTC time under {@code out}. */
  public static RunDirectory create(Path out) throws IOException {
    Path dir = out.resolve(ZonedDateTime.now(ZoneOffset.UTC).format(STAMP));
    for (int i = 2; Files.exists(dir); i++) {
      dir = out.resolve(ZonedDateTime.now(ZoneOffset.UTC).format(STAMP) + "-" + i);
    }
    Files.createDirectories(dir);
    return new RunDirectory(dir);
  }

  public Path path() {
    return dir;
  }

  @Override
  public void accept(RunResult result) {
    try {
      writeAll(result, dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the results to " + dir, e);
    }
  }

  /** Writes the four files of {@code result} into {@code dir}, with the credentials of every URL hidden. */
  public static void writeAll(RunResult result, Path dir) throws IOException {
    RunResult shown = ResultsJson.masked(result);
    ResultsJson.write(shown, dir.resolve("results.json"));
    ResultsCsv.write(shown, dir.resolve("results.csv"));
    Files.writeString(dir.resolve("report.md"), MarkdownReport.render(shown), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("report.html"), HtmlReport.render(shown, dir), StandardCharsets.UTF_8);
  }
}
