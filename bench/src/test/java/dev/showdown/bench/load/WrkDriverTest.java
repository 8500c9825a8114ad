package dev.showdown.bench.load;

import dev.showdown.bench.latency.LatencyLog;
import dev.showdown.bench.latency.PercentileSpectrum;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Real wrk against a real server that answers after 5 ms: the percentiles script hands its spectrum over. */
class WrkDriverTest {
  private static final long DELAY_MS = 5;
  private static final Set<String> PATHS = ConcurrentHashMap.newKeySet();

  private static Vertx vertx;
  private static HttpServer server;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    server = vertx.createHttpServer()
        .requestHandler(request -> {
          PATHS.add(request.path());
          vertx.setTimer(DELAY_MS, t -> request.response().end("{}"));
        })
        .listen(0, "127.0.0.1").await();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  private static WrkDriver wrk() {
    Path wrk = LoadDrivers.findOnPath("wrk").orElse(null);
    assumeTrue(wrk != null, "wrk is not on the PATH (apt-get install -y wrk)");
    return new WrkDriver(wrk);
  }

  @Test
  void theMeasuredRunsSpectrumReachesTheListener() throws Exception {
    WrkDriver driver = wrk();
    AtomicReference<LatencyLog> log = new AtomicReference<>();
    HttpLoad load = HttpLoad.closedLoop("/ok", 2, Duration.ofSeconds(1)).withWarmup(Duration.ofSeconds(1));

    LoadResult result = driver.run(URI.create("http://127.0.0.1:" + server.actualPort()), load, new LoadListener() {
      @Override
      public void latencies(LatencyLog l) {
        assertThat(log.getAndSet(l)).as("one spectrum, of the measured run, not the warm-up").isNull();
      }
    });

    assertThat(result.requests()).isPositive();
    PercentileSpectrum spectrum = log.get().spectrum();
    assertThat(spectrum.points()).extracting(PercentileSpectrum.Point::percentile)
        .containsExactlyElementsOf(PercentileSpectrum.PERCENTILES);
    assertThat(spectrum.points().get(0).millis()).isGreaterThanOrEqualTo(DELAY_MS * 0.99);
    for (int i = 1; i < spectrum.points().size(); i++) {
      assertThat(spectrum.points().get(i).millis()).isGreaterThanOrEqualTo(spectrum.points().get(i - 1).millis());
    }
    // wrk's own P50 and the script's are the same number of microseconds.
    assertThat(spectrum.points().get(0).millis() * 1000).isCloseTo(result.p50Micros(),
        org.assertj.core.api.Assertions.within(result.p50Micros() * 0.01 + 10));
  }

  @Test
  void randomIdPathsStillWorkWithThePercentilesScriptJoinedOn() throws Exception {
    WrkDriver driver = wrk();
    AtomicReference<LatencyLog> log = new AtomicReference<>();
    PATHS.clear();
    HttpLoad load = HttpLoad.closedLoop("/data/" + HttpLoad.ID, 2, Duration.ofSeconds(1)).withWarmup(Duration.ZERO)
        .withRandomIds(50);

    driver.run(URI.create("http://127.0.0.1:" + server.actualPort()), load, new LoadListener() {
      @Override
      public void latencies(LatencyLog l) {
        log.set(l);
      }
    });

    assertThat(PATHS).hasSizeGreaterThan(5).allMatch(p -> p.matches("/data/\\d+"));
    assertThat(log.get()).isNotNull();
    assertThat(log.get().spectrum().points()).hasSize(PercentileSpectrum.PERCENTILES.size());
  }
}
