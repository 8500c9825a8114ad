package dev.showdown.bench.latency;

import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A measurement's latency histogram in HdrHistogram's own log format ({@code .hlog}: a header, then the
 * histogram compressed and base64-encoded), which HdrHistogram's tools (HistogramLogProcessor, the plotters) read.
 */
public final class HistogramLog {
  public static final String EXTENSION = ".hlog";

  private HistogramLog() {
  }

  public static void write(Histogram histogram, Path file) throws IOException {
    try (PrintStream out = new PrintStream(file.toFile(), StandardCharsets.US_ASCII)) {
      HistogramLogWriter writer = new HistogramLogWriter(out);
      writer.outputComment("latencies in microseconds, one histogram for the measured window");
      writer.outputLogFormatVersion();
      writer.outputStartTime(histogram.getStartTimeStamp());
      writer.outputLegend();
      writer.outputIntervalHistogram(histogram);
      if (out.checkError()) {
        throw new IOException("cannot write " + file);
      }
    }
  }

  /** Every interval of a log added into one histogram. */
  public static Histogram read(Path file) throws IOException {
    HistogramLogReader reader;
    try {
      reader = new HistogramLogReader(file.toFile());
    } catch (FileNotFoundException e) {
      throw new IOException(file + " does not exist", e);
    }
    try {
      Histogram all = new Histogram(3);
      for (EncodableHistogram interval = reader.nextIntervalHistogram(); interval != null;
           interval = reader.nextIntervalHistogram()) {
        all.add((Histogram) interval);
      }
      return all;
    } catch (RuntimeException e) {
      throw new IOException(file + " is not an HdrHistogram log: " + e.getMessage(), e);
    } finally {
      reader.close();
    }
  }
}
