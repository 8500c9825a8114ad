package dev.showdown.bench.load;

import dev.showdown.bench.latency.LatencyLog;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The built-in generator against a real server that answers every request after a fixed delay. */
class BuiltinLoadGeneratorTest {
  private static final long DELAY_MS = 50;

  private static Vertx vertx;
  private static HttpServer server;

  @BeforeAll
  static void slowServer() {
    vertx = Vertx.vertx();
    server = vertx.createHttpServer()
        .requestHandler(request -> vertx.setTimer(DELAY_MS, t -> request.response()
            .setStatusCode(request.path().equals("/missing") ? 404 : 200).end("{}")))
        .listen(0, "127.0.0.1").await();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  private static URI base() {
    return URI.create("http://127.0.0.1:" + server.actualPort());
  }

  @Test
  void closedLoopCountsAnswersAndTheirLatency() throws Exception {
    HttpLoad load = HttpLoad.closedLoop("/ok", 2, Duration.ofSeconds(2)).withWarmup(Duration.ofMillis(300));

    LoadResult r = new BuiltinLoadGenerator(1).run(base(), load, LoadListener.NONE);

    assertThat(r.tool()).isEqualTo("builtin");
    // Two connections, one request each in flight, each answered no sooner than 50 ms: at most 2 x 2 s / 50 ms.
    assertThat(r.requests()).isBetween(5L, 2 * 2000 / DELAY_MS + 2);
    assertThat(r.p50Micros()).isGreaterThanOrEqualTo(DELAY_MS * 1000 * 0.99);
    assertThat(r.errors()).isZero();
    assertThat(r.non2xx()).isZero();
    assertThat(r.seconds()).isBetween(1.9, 3.0);
  }

  @Test
  void constantRateCountsLatencyFromTheIntendedSendTime() throws Exception {
    // 100 req/s asked of one connection whose every answer takes 50 ms: the j-th answer was due at j x 10 ms
    // and came no sooner than (j + 1) x 50 ms, so its latency is at least 40 j + 50 ms. A generator that
    // timed from the actual send (coordinated omission) would report about 50 ms throughout.
    HttpLoad load = HttpLoad.closedLoop("/ok", 1, Duration.ofSeconds(2)).withWarmup(Duration.ZERO).withRate(100);

    LoadResult r = new BuiltinLoadGenerator(1).run(base(), load, LoadListener.NONE);

    assertThat(r.requests()).isGreaterThanOrEqualTo(5);
    double floorMicros = (40.0 * (r.requests() - 1) + DELAY_MS) * 1000;
    assertThat(r.maxMicros()).isGreaterThanOrEqualTo(floorMicros * 0.99);
    assertThat(r.errors()).isZero();
  }

  @Test
  void theListenerGetsTheMeasuredWindowsHistogram() throws Exception {
    HttpLoad load = HttpLoad.closedLoop("/ok", 2, Duration.ofSeconds(1)).withWarmup(Duration.ofMillis(300));
    AtomicReference<LatencyLog> log = new AtomicReference<>();

    LoadResult r = new BuiltinLoadGenerator(1).run(base(), load, new LoadListener() {
      @Override
      public void latencies(LatencyLog l) {
        log.set(l);
      }
    });

    Histogram h = ((LatencyLog.Hdr) log.get()).micros();
    assertThat(h.getTotalCount()).as("every answer of the window, none of the warm-up").isEqualTo(r.requests());
    assertThat((double) h.getValueAtPercentile(50)).isEqualTo(r.p50Micros());
  }

  @Test
  void non2xxAnswersAreCountedNotDropped() throws Exception {
    HttpLoad load = HttpLoad.closedLoop("/missing", 1, Duration.ofSeconds(1)).withWarmup(Duration.ZERO);

    LoadResult r = new BuiltinLoadGenerator(1).run(base(), load, LoadListener.NONE);

    assertThat(r.requests()).isPositive();
    assertThat(r.non2xx()).isEqualTo(r.requests());
  }

  @Test
  void aPortNobodyListensOnFailsClearly() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    URI nowhere = URI.create("http://127.0.0.1:" + closedPort);
    HttpLoad load = HttpLoad.closedLoop("/", 2, Duration.ofSeconds(1));

    assertThatThrownBy(() -> new BuiltinLoadGenerator(1).run(nowhere, load, LoadListener.NONE))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("cannot connect to " + nowhere);
  }
}
