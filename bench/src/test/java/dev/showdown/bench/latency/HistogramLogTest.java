package dev.showdown.bench.latency;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HistogramLogTest {
  @TempDir
  Path dir;

  @Test
  void aHistogramComesBackFromItsLogWithEveryCount() throws Exception {
    Histogram latencies = new Histogram(3);
    for (int i = 1; i <= 10_000; i++) {
      latencies.recordValue(i * 7L); // 7 µs .. 70 ms
    }
    latencies.recordValue(2_500_000); // one 2.5 s outlier
    Path file = dir.resolve("java-vertx" + HistogramLog.EXTENSION);

    HistogramLog.write(latencies, file);
    Histogram back = HistogramLog.read(file);

    assertThat(Files.readString(file)).contains("#[Histogram log format version").contains("\"StartTimestamp\"");
    assertThat(back.getTotalCount()).isEqualTo(10_001);
    assertThat(back).isEqualTo(latencies);
    assertThat(back.getValueAtPercentile(99.99)).isEqualTo(latencies.getValueAtPercentile(99.99));
  }

  @Test
  void theSavedLogGivesTheSameSpectrumAsTheHistogram() throws Exception {
    Histogram latencies = new Histogram(3);
    latencies.recordValueWithCount(1_000, 99);
    latencies.recordValue(50_000);
    LatencyLog log = LatencyLog.of(latencies);

    Path file = log.save(dir, "gin");

    assertThat(file.getFileName().toString()).isEqualTo("gin.hlog");
    assertThat(LatencyLog.read(file)).isEqualTo(log.spectrum());
    assertThat(log.spectrum().points().get(0)).isEqualTo(new PercentileSpectrum.Point(50, 1.0));
    assertThat(log.spectrum().points().get(log.spectrum().points().size() - 1).millis()).isCloseTo(50, org.assertj.core.api.Assertions.within(0.05));
  }

  @Test
  void aFileThatIsNoLogIsAnError() throws Exception {
    Path text = Files.writeString(dir.resolve("x.hlog"), "0.0,1.0,2.0,not base64 at all\n");

    assertThatThrownBy(() -> HistogramLog.read(text)).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> HistogramLog.read(dir.resolve("none.hlog"))).isInstanceOf(IOException.class)
        .hasMessageContaining("does not exist");
    assertThatThrownBy(() -> LatencyLog.read(dir.resolve("x.txt"))).isInstanceOf(IOException.class);
  }
}
