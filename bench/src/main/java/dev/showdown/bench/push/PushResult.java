package dev.showdown.bench.push;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.showdown.bench.result.Figure;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import java.util.stream.LongStream;

/**
 * What one push client saw: connections wanted, established and still open at the end, pushes received in the
 * counted window against those expected, and delivery latency (receive time minus the tick's {@code ts}). A
 * {@code push-client} process hands it to push-scale as JSON ({@link #write}, {@link #read}).
 */
public record PushResult(int wanted, int established, int openAtEnd, String firstFailure, long ticks, long received,
                         long expected, double p50Ms, double p99Ms, double p999Ms, double maxMs, double[] slowestPerTickMs,
                         double connectSeconds) {

  static PushResult of(int wanted, int established, int openAtEnd, String firstFailure, long ticks, long received,
                       long expected, PushTally tally, double connectSeconds) {
    Histogram latencyMicros = tally.latencyMicros();
    boolean any = latencyMicros.getTotalCount() > 0;
    return new PushResult(wanted, established, openAtEnd, firstFailure, ticks, received, expected,
        any ? latencyMicros.getValueAtPercentile(50) / 1e3 : Double.NaN,
        any ? latencyMicros.getValueAtPercentile(99) / 1e3 : Double.NaN,
        any ? latencyMicros.getValueAtPercentile(99.9) / 1e3 : Double.NaN,
        any ? latencyMicros.getMaxValue() / 1e3 : Double.NaN,
        LongStream.of(tally.slowestPerTickMicros()).mapToDouble(micros -> micros / 1e3).toArray(), connectSeconds);
  }

  /** Writes the result as JSON (NaN latencies of a run that received nothing included). */
  public void write(Path file) throws IOException {
    new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), this);
  }

  /** A result {@link #write} wrote. */
  public static PushResult read(Path file) throws IOException {
    return new ObjectMapper()
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
        .configure(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS, true)
        .readValue(file.toFile(), PushResult.class);
  }

  /** The slowest delivery of any tick but the first counted one (the cold one); NaN with fewer than two ticks. */
  public double maxAfterFirstTickMs() {
    return DoubleStream.of(slowestPerTickMs).skip(1).max().orElse(Double.NaN);
  }

  public long lost() {
    return expected - received;
  }

  public List<Figure> figures() {
    List<Figure> figures = new ArrayList<>();
    figures.add(Figure.of("connections", established, Figure.COUNT));
    figures.add(Figure.of("connections_open_at_end", openAtEnd, Figure.COUNT));
    figures.add(Figure.of("ticks_counted", ticks, Figure.COUNT));
    figures.add(Figure.of("messages_received", received, Figure.COUNT));
    figures.add(Figure.of("messages_expected", expected, Figure.COUNT));
    figures.add(Figure.of("messages_lost", lost(), Figure.COUNT));
    figures.add(Figure.of(Figure.P50, p50Ms, Figure.MS));
    figures.add(Figure.of(Figure.P99, p99Ms, Figure.MS));
    figures.add(Figure.of(Figure.P999, p999Ms, Figure.MS));
    figures.add(Figure.of(Figure.MAX, maxMs, Figure.MS));
    if (slowestPerTickMs.length > 1) {
      figures.add(Figure.of("max_after_first_tick", maxAfterFirstTickMs(), Figure.MS));
    }
    figures.add(Figure.of("connect_time", connectSeconds, Figure.S));
    return figures;
  }

  public String summary() {
    return String.format(Locale.ROOT,
        "%,d/%,d connections up (%,d open at end), %,d ticks, received %,d of %,d (lost %,d), "
            + "latency p50 %.1f ms p99 %.1f ms max %.1f ms%s%s",
        established, wanted, openAtEnd, ticks, received, expected, lost(), p50Ms, p99Ms, maxMs,
        slowestPerTickMs.length == 0 ? "" : DoubleStream.of(slowestPerTickMs)
            .mapToObj(ms -> String.format(Locale.ROOT, "%.0f", ms)).collect(Collectors.joining(" ", "; slowest per tick ", " ms")),
        firstFailure == null ? "" : "; first failure: " + firstFailure);
  }
}
