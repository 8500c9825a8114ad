package dev.showdown.logparse.core;

/** The contract's answer: {@code {"lines":N,"uv":N,"errors":N,"first_errors":[...],"elapsed_ms":N}}. */
public final class UvReport {
  private UvReport() {
  }

  /** {@code elapsed_ms} carries microseconds as decimals: a warm count takes a few tens of milliseconds. */
  public static String json(Tally tally, long elapsedNanos) {
    StringBuilder json = new StringBuilder(160 + Tally.FIRST_ERRORS * 48)
        .append("{\"lines\":").append(tally.lines())
        .append(",\"uv\":").append(tally.uniqueUsers())
        .append(",\"errors\":").append(tally.errors())
        .append(",\"first_errors\":[");
    String separator = "";
    for (Tally.LineError error : tally.firstErrors()) {
      // Reasons are fixed ASCII phrases without quotes or backslashes: nothing to escape.
      json.append(separator).append("{\"line\":").append(error.line())
          .append(",\"reason\":\"").append(error.verdict().reason()).append("\"}");
      separator = ",";
    }
    long micros = Math.max(0, elapsedNanos) / 1000;
    // Written by hand: String.format's machinery costs a cold run several milliseconds.
    return json.append("],\"elapsed_ms\":").append(micros / 1000).append('.')
        .append(Long.toString(1000 + micros % 1000), 1, 4)
        .append('}')
        .toString();
  }
}
