package dev.showdown.kit;

/** Reads one sample out of a {@code /metrics} answer (Prometheus text). Shared with every service's tests through the test-jar. */
public final class MetricSamples {
  private MetricSamples() {
  }

  /**
   * The value of {@code sample} as it is written in {@code text}, name and labels, e.g.
   * {@code fib_abandoned_total{stage="queued"}} or {@code logparse_upload_memory_bytes}; fails the test if absent.
   */
  public static double value(String text, String sample) {
    String prefix = sample + " ";
    return text.lines()
        .filter(line -> line.startsWith(prefix))
        .mapToDouble(line -> Double.parseDouble(line.substring(prefix.length())))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no sample " + sample + " on /metrics"));
  }
}
