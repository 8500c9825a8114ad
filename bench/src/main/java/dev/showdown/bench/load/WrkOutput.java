package dev.showdown.bench.load;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what {@code wrk --latency} prints into a {@link LoadResult}; durations may be in us, ms, s, m or h. */
public final class WrkOutput {
  private static final String TIME = "([0-9.]+)(us|ms|s|m|h)";
  private static final Pattern LATENCY = Pattern.compile("^\\s*Latency\\s+" + TIME + "\\s+" + TIME + "\\s+" + TIME, Pattern.MULTILINE);
  private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|75|90|99)%\\s+" + TIME + "\\s*$", Pattern.MULTILINE);
  private static final Pattern REQUESTS = Pattern.compile("^\\s*(\\d+) requests in " + TIME, Pattern.MULTILINE);
  private static final Pattern SOCKET_ERRORS = Pattern.compile(
      "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

  private WrkOutput() {
  }

  public static LoadResult parse(String output) {
    Matcher requests = REQUESTS.matcher(output);
    if (!requests.find()) {
      throw new IllegalArgumentException("wrk printed no 'N requests in T' line:\n" + output);
    }
    long count = Long.parseLong(requests.group(1));
    double seconds = micros(requests.group(2), requests.group(3)) / 1e6;

    double mean = Double.NaN;
    double max = Double.NaN;
    Matcher latency = LATENCY.matcher(output);
    if (latency.find()) {
      mean = micros(latency.group(1), latency.group(2));
      max = micros(latency.group(5), latency.group(6));
    }
    Map<String, Double> percentiles = new HashMap<>();
    Matcher percentile = PERCENTILE.matcher(output);
    while (percentile.find()) {
      percentiles.put(percentile.group(1), micros(percentile.group(2), percentile.group(3)));
    }
    long[] socket = new long[4];
    Matcher errors = SOCKET_ERRORS.matcher(output);
    if (errors.find()) {
      for (int i = 0; i < 4; i++) {
        socket[i] = Long.parseLong(errors.group(i + 1));
      }
    }
    Matcher non2xx = NON_2XX.matcher(output);
    long bad = non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0;
    return new LoadResult(LoadDrivers.WRK, count, seconds, socket[0], socket[1], socket[2], socket[3], bad,
        mean, percentiles.getOrDefault("50", Double.NaN), percentiles.getOrDefault("75", Double.NaN),
        percentiles.getOrDefault("90", Double.NaN), percentiles.getOrDefault("99", Double.NaN), max, Double.NaN);
  }

  private static double micros(String value, String unit) {
    double v = Double.parseDouble(value);
    switch (unit) {
      case "us":
        return v;
      case "ms":
        return v * 1e3;
      case "s":
        return v * 1e6;
      case "m":
        return v * 60e6;
      case "h":
        return v * 3600e6;
      default:
        throw new IllegalArgumentException("unknown wrk time unit " + unit);
    }
  }
}
