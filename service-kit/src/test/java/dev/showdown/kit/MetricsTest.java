package dev.showdown.kit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsTest {

  @ParameterizedTest
  @CsvSource({"GET,GET", "PATCH,PATCH", "FROB,OTHER", "get,OTHER", "PROPFIND,OTHER"})
  void methodsOutsideTheStandardSetShareOneLabel(String method, String label) {
    assertThat(MetricLabels.method(method)).isEqualTo(label);
  }

  @ParameterizedTest
  @CsvSource({"200,200", "404,404", "451,451", "299,2xx", "499,4xx", "600,other", "42,other", "x,other"})
  void codesOutsideTheRegisteredOnesShareTheirClassLabel(String code, String label) {
    assertThat(MetricLabels.code(code)).isEqualTo(label);
  }

  @Test
  void theRegistryAppliesTheBoundsToEveryMeter() {
    PrometheusMeterRegistry registry = Metrics.newRegistry();
    for (int i = 0; i < 100; i++) {
      registry.counter("vertx.http.server.requests", "method", "M" + i, "code", Integer.toString(200 + i)).increment();
    }
    Counter other = registry.find("vertx.http.server.requests").tags("method", "OTHER", "code", "2xx").counter();
    assertThat(other).isNotNull();
    assertThat(registry.find("vertx.http.server.requests").counters()).hasSizeLessThan(20);
  }

  /** Thousands of made-up methods and paths, as one client could send: the scrape stays the size it was. */
  @Test
  void clientsCannotGrowTheScrape() {
    try (RunningService service = RunningService.start(new ServiceServerTest.ProbeService(), ServiceOptions.loopback(1))) {
      for (int i = 0; i < 20; i++) {
        service.get("/health");
        service.get("/missing");
      }
      String before = service.get("/metrics").bodyAsString();
      try (RawHttp pipelined = RawHttp.connect(service.port())) {
        StringBuilder paths = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
          paths.append("GET /no/such/path/").append(i).append(" HTTP/1.1\r\nHost: x\r\n\r\n");
        }
        pipelined.send(paths.toString());
        for (int i = 0; i < 1000; i++) {
          pipelined.read(Duration.ofSeconds(10));
        }
      }
      // Each on a connection of its own: a request with an unknown method may close its connection.
      for (int i = 0; i < 2000; i++) {
        try (RawHttp socket = RawHttp.connect(service.port())) {
          socket.send("M" + i + " /health HTTP/1.1\r\nHost: x\r\n\r\n").read(Duration.ofSeconds(10));
        }
      }
      String after = service.get("/metrics").bodyAsString();
      assertThat(series(after)).isLessThanOrEqualTo(series(before) + 20);
      assertThat((double) after.length() / before.length()).isLessThan(1.5);
    }
  }

  private static long series(String scrape) {
    return scrape.lines().filter(line -> line.startsWith("vertx_http_server_requests_total{")).count();
  }
}
