package dev.showdown.bench.report;

import dev.showdown.bench.latency.PercentileSpectrum;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PercentilePlotTest {
  private static PercentileSpectrum spectrum(double... millis) {
    List<Double> ps = List.of(50.0, 90.0, 99.0, 99.9, 99.99);
    return new PercentileSpectrum(java.util.stream.IntStream.range(0, millis.length)
        .mapToObj(i -> new PercentileSpectrum.Point(ps.get(i), millis[i])).toList());
  }

  @Test
  void eachNineTakesTheSameWidthOfThePercentileAxis() {
    assertThat(PercentilePlot.position(50)).isCloseTo(0, within(1e-12));
    assertThat(PercentilePlot.position(99.99)).isCloseTo(1, within(1e-12));
    double nine = PercentilePlot.position(99.9) - PercentilePlot.position(99);
    assertThat(PercentilePlot.position(99) - PercentilePlot.position(90)).isCloseTo(nine, within(1e-9));
    assertThat(PercentilePlot.position(99.99) - PercentilePlot.position(99.9)).isCloseTo(nine, within(1e-9));
  }

  @Test
  void latencyTicksAreRoundSteps() {
    assertThat(PercentilePlot.niceStep(0.7)).isEqualTo(1);
    assertThat(PercentilePlot.niceStep(1.3)).isEqualTo(2);
    assertThat(PercentilePlot.niceStep(37)).isEqualTo(50);
    assertThat(PercentilePlot.niceStep(0.011)).isCloseTo(0.02, within(1e-12));
  }

  @Test
  void oneLinePerImplementationWithItsNameInTheLegend() {
    PercentilePlot plot = new PercentilePlot()
        .line("java-vertx", spectrum(1, 2, 4, 8, 20))
        .line("<gin>", spectrum(0.5, 1, 3, 30, 40))
        .line("nothing", new PercentileSpectrum(List.of()));

    String svg = plot.svg();

    assertThat(ReportFixtures.count(svg, "<polyline")).isEqualTo(2);
    assertThat(svg).contains(">java-vertx</text>").contains(">&lt;gin&gt;</text>").doesNotContain("nothing")
        .contains(">99.99%</text>").contains(">50%</text>").contains(">99.9%</text>");
    // The axis tops out at the first round step above the highest latency: 40 ms in steps of 10.
    assertThat(svg).contains(">40</text>").doesNotContain(">50</text>");
  }

  @Test
  void noSpectrumMakesNoPlot() {
    assertThat(new PercentilePlot().line("a", new PercentileSpectrum(List.of())).isEmpty()).isTrue();
  }
}
