package dev.showdown.bench.report;

import dev.showdown.bench.result.RunResult;

/** report.html (placeholder until the renderer lands). */
public final class HtmlReport {
  private HtmlReport() {
  }

  public static String render(RunResult result) {
    return "<!doctype html><title>Showdown bench run</title>";
  }
}
