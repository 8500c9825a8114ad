package dev.showdown.bench.latency;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JSON that bench/wrk/percentiles.lua writes, from a file captured from wrk 4.1.0. */
class WrkPercentilesTest {
  @Test
  void aCapturedFileGivesTheSpectrumInMilliseconds() throws Exception {
    PercentileSpectrum s = WrkPercentiles.read(Path.of(getClass().getResource("/latency/wrk-percentiles.json").toURI()));

    assertThat(s.points()).extracting(PercentileSpectrum.Point::percentile)
        .containsExactlyElementsOf(PercentileSpectrum.PERCENTILES);
    assertThat(s.points().get(0)).isEqualTo(new PercentileSpectrum.Point(50, 1.646));
    assertThat(s.points().get(9)).isEqualTo(new PercentileSpectrum.Point(99.99, 28.572));
  }

  @Test
  void somethingElseIsAnError() {
    assertThatThrownBy(() -> WrkPercentiles.parse("{\"unit\":\"ms\",\"percentiles\":[]}")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> WrkPercentiles.parse("{\"unit\":\"us\",\"percentiles\":[{\"percentile\":50}]}"))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> WrkPercentiles.parse("not json")).isInstanceOf(IOException.class);
  }
}
