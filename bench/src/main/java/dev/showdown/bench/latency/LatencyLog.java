package dev.showdown.bench.latency;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The latencies of one measured window as a load tool hands them over: the built-in generator's HdrHistogram, or
 * the percentiles wrk's Lua {@code done()} wrote. Saved into the run folder, and read back for the report's plot.
 */
public sealed interface LatencyLog {
  /** The measurement note naming a saved log, relative to the run folder. */
  String NOTE = "latency_log";

  /** Writes the log as {@code dir/<name>.hlog} or {@code dir/<name>.wrk.json}; returns that file. */
  Path save(Path dir, String name) throws IOException;

  PercentileSpectrum spectrum();

  static LatencyLog of(Histogram micros) {
    return new Hdr(micros.copy());
  }

  static LatencyLog wrk(String json) throws IOException {
    return new Wrk(json, WrkPercentiles.parse(json));
  }

  /** A saved log's spectrum, by its file name's ending. */
  static PercentileSpectrum read(Path file) throws IOException {
    String name = file.getFileName().toString();
    if (name.endsWith(HistogramLog.EXTENSION)) {
      return PercentileSpectrum.ofMicros(HistogramLog.read(file));
    }
    if (name.endsWith(WrkPercentiles.EXTENSION)) {
      return WrkPercentiles.read(file);
    }
    throw new IOException(file + " is neither an " + HistogramLog.EXTENSION + " nor a " + WrkPercentiles.EXTENSION + " file");
  }

  record Hdr(Histogram micros) implements LatencyLog {
    @Override
    public Path save(Path dir, String name) throws IOException {
      Path file = dir.resolve(name + HistogramLog.EXTENSION);
      HistogramLog.write(micros, file);
      return file;
    }

    @Override
    public PercentileSpectrum spectrum() {
      return PercentileSpectrum.ofMicros(micros);
    }
  }

  record Wrk(String json, PercentileSpectrum spectrum) implements LatencyLog {
    @Override
    public Path save(Path dir, String name) throws IOException {
      return Files.writeString(dir.resolve(name + WrkPercentiles.EXTENSION), json, StandardCharsets.UTF_8);
    }
  }
}
