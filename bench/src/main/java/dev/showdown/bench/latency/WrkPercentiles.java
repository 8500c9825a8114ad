package dev.showdown.bench.latency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code bench/wrk/percentiles.lua} writes when wrk is done:
 * {@code {"tool":"wrk","unit":"us","requests":N,"percentiles":[{"percentile":50,"latency_us":612},...],"max_us":M}}.
 */
public final class WrkPercentiles {
  /** The environment variable naming the file the Lua script writes. */
  public static final String ENV = "SHOWDOWN_WRK_PERCENTILES";
  public static final String EXTENSION = ".wrk.json";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private WrkPercentiles() {
  }

  public static PercentileSpectrum read(Path file) throws IOException {
    return parse(MAPPER.readTree(file.toFile()), file.toString());
  }

  public static PercentileSpectrum parse(String json) throws IOException {
    return parse(MAPPER.readTree(json), "the wrk percentiles");
  }

  private static PercentileSpectrum parse(JsonNode root, String source) throws IOException {
    JsonNode percentiles = root.path("percentiles");
    if (!"us".equals(root.path("unit").asText()) || !percentiles.isArray()) {
      throw new IOException(source + " holds no percentiles in us");
    }
    List<PercentileSpectrum.Point> points = new ArrayList<>();
    for (JsonNode p : percentiles) {
      if (!p.path("percentile").isNumber() || !p.path("latency_us").isNumber()) {
        throw new IOException(source + ": a percentile without a number: " + p);
      }
      points.add(new PercentileSpectrum.Point(p.get("percentile").asDouble(), p.get("latency_us").asDouble() / 1000));
    }
    return new PercentileSpectrum(points);
  }
}
