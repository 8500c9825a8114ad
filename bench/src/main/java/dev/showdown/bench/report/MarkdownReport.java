package dev.showdown.bench.report;

import dev.showdown.bench.result.RunResult;

/** report.md (placeholder until the renderer lands). */
public final class MarkdownReport {
  private MarkdownReport() {
  }

  public static String render(RunResult result) {
    return "# Showdown bench run\n";
  }
}
