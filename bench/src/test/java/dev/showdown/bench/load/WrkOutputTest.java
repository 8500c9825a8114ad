package dev.showdown.bench.load;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Parses real wrk 4 {@code --latency} outputs captured on this project's services. */
class WrkOutputTest {

  @Test
  void microsecondsAndMillisecondsOnPing() throws IOException {
    LoadResult r = WrkOutput.parse(sample("ping-c64.txt"));

    assertThat(r.tool()).isEqualTo("wrk");
    assertThat(r.requests()).isEqualTo(76_247);
    assertThat(r.seconds()).isCloseTo(3.02, within(1e-9));
    assertThat(r.qps()).isCloseTo(76_247 / 3.02, within(1e-6));
    assertThat(r.meanMicros()).isCloseTo(14_600, within(1e-6));
    assertThat(r.p50Micros()).isCloseTo(1_990, within(1e-6));
    assertThat(r.p90Micros()).isCloseTo(11_820, within(1e-6));
    assertThat(r.p99Micros()).isCloseTo(265_130, within(1e-6));
    assertThat(r.maxMicros()).isCloseTo(313_260, within(1e-6));
    assertThat(r.errors()).isZero();
    assertThat(r.non2xx()).isZero();
  }

  @Test
  void microsecondPercentileBesideMillisecondOnesAndNon2xx() throws IOException {
    LoadResult r = WrkOutput.parse(sample("fib-400s.txt"));

    assertThat(r.p50Micros()).isCloseTo(164, within(1e-9));
    assertThat(r.p75Micros()).isCloseTo(2_130, within(1e-6));
    assertThat(r.non2xx()).isEqualTo(12_139);
    assertThat(r.requests()).isEqualTo(12_139);
  }

  @Test
  void secondsUnits() throws IOException {
    LoadResult r = WrkOutput.parse(sample("fib40-seconds.txt"));

    assertThat(r.meanMicros()).isCloseTo(1_710_000, within(1e-3));
    assertThat(r.p50Micros()).isCloseTo(1_410_000, within(1e-3));
    assertThat(r.p99Micros()).isCloseTo(3_250_000, within(1e-3));
    assertThat(r.maxMicros()).isCloseTo(3_250_000, within(1e-3));
    assertThat(r.requests()).isEqualTo(52);
    assertThat(r.seconds()).isCloseTo(8.04, within(1e-9));
  }

  @Test
  void socketErrorsAreCountedByKind() throws IOException {
    LoadResult r = WrkOutput.parse(sample("fib38-timeouts.txt"));

    assertThat(r.timeouts()).isEqualTo(35);
    assertThat(r.connectErrors()).isZero();
    assertThat(r.readErrors()).isZero();
    assertThat(r.errors()).isEqualTo(35);
    assertThat(r.requests()).isEqualTo(39);
  }

  @Test
  void allFourSocketErrorKinds() {
    LoadResult r = WrkOutput.parse("  10 requests in 1.00m, 1.00KB read\n"
        + "  Socket errors: connect 1, read 22, write 333, timeout 4444\n");

    assertThat(r.seconds()).isEqualTo(60);
    assertThat(r.connectErrors()).isEqualTo(1);
    assertThat(r.readErrors()).isEqualTo(22);
    assertThat(r.writeErrors()).isEqualTo(333);
    assertThat(r.timeouts()).isEqualTo(4444);
    assertThat(r.p50Micros()).isNaN();
  }

  @Test
  void outputWithoutARequestCountIsRejected() {
    assertThatThrownBy(() -> WrkOutput.parse("unable to connect to 127.0.0.1:1 Connection refused"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Connection refused");
  }

  private static String sample(String name) throws IOException {
    try (InputStream in = WrkOutputTest.class.getResourceAsStream("/wrk/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
