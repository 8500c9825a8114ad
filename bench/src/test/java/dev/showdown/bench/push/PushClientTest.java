package dev.showdown.bench.push;

import dev.showdown.kit.ServiceOptions;
import dev.showdown.kit.ServiceServer;
import dev.showdown.push.PushService;
import dev.showdown.push.PushSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The push client against a real push-service: every tick counted, nothing lost, refusals reported. */
class PushClientTest {
  private static final Duration INTERVAL = Duration.ofMillis(100);

  private ServiceServer server;
  private PushService service;

  private void start(PushSettings settings) {
    service = new PushService(settings, "127.0.0.1");
    server = ServiceServer.start(service, ServiceOptions.loopback(1)).await();
  }

  @AfterEach
  void tearDown() {
    server.stop(Duration.ofSeconds(1)).await();
  }

  @Test
  void countsEveryTickOnEveryTcpConnection() throws Exception {
    start(PushSettings.forTest(INTERVAL, null));

    PushClient client = client(new PushTarget(false, "127.0.0.1", service.tcpPort(), ""), 40);
    PushResult result = client.run(() -> { }, () -> { });

    assertThat(result.established()).isEqualTo(40);
    assertThat(result.openAtEnd()).isEqualTo(40);
    assertThat(result.ticks()).isGreaterThanOrEqualTo(3);
    assertThat(result.expected()).isEqualTo(result.ticks() * 40);
    assertThat(result.lost()).isZero();
    assertThat(result.p99Ms()).isPositive().isLessThanOrEqualTo(result.maxMs());
    // The whole distribution goes to the run folder's log and the report's plot, not just the summary figures.
    assertThat(client.latencies().spectrum().points())
        .filteredOn(point -> point.percentile() == 99.0)
        .singleElement()
        .satisfies(point -> assertThat(point.millis()).isEqualTo(result.p99Ms()));
  }

  @Test
  void countsEveryTickOnEveryWebSocket() throws Exception {
    start(PushSettings.forTest(INTERVAL, null));

    PushResult result = run(new PushTarget(true, "127.0.0.1", server.port(), "/push"), 40);

    assertThat(result.established()).isEqualTo(40);
    assertThat(result.lost()).isZero();
    assertThat(result.received()).isEqualTo(result.ticks() * 40).isPositive();
  }

  @Test
  void theFirstTickIsMarkedDoneOnceBetweenTwoTicksBeforeTheHoldEnds() throws Exception {
    Duration interval = Duration.ofMillis(400);
    start(PushSettings.forTest(interval, null));
    AtomicLong pushedWhenAllUp = new AtomicLong();
    List<Long> pushedSinceAtMark = new CopyOnWriteArrayList<>();
    AtomicBoolean holdEnded = new AtomicBoolean();
    PushLoad load = new PushLoad(40, Duration.ofMillis(1_500), interval, 1, 2, 8, 1);

    PushResult result = new PushClient(new PushTarget(false, "127.0.0.1", service.tcpPort(), ""), load, line -> { }).run(
        () -> pushedWhenAllUp.set(service.stats().pushed()),
        () -> pushedSinceAtMark.add(holdEnded.get() ? -1 : service.stats().pushed() - pushedWhenAllUp.get()),
        () -> holdEnded.set(true));

    assertThat(result.ticks()).isGreaterThanOrEqualTo(2);
    assertThat(pushedSinceAtMark).as("once, before the hold ended").singleElement()
        .satisfies(pushed -> assertThat(pushed).as("whole fan-outs to all 40: between two ticks").isPositive()
            .isEqualTo(pushed / 40 * 40));
  }

  @Test
  void reportsWhyConnectionsWereRefused() throws Exception {
    start(PushSettings.forTest(INTERVAL, null).withMaxConnections(10));

    PushResult result = run(new PushTarget(true, "127.0.0.1", server.port(), "/push"), 20);

    assertThat(result.established()).isEqualTo(10);
    assertThat(result.firstFailure()).contains("503");
    assertThat(result.lost()).isZero();
  }

  @Test
  void aResultSurvivesTheJsonAPushClientProcessHandsToPushScale(@TempDir Path dir) throws Exception {
    start(PushSettings.forTest(INTERVAL, null));
    PushResult result = run(new PushTarget(false, "127.0.0.1", service.tcpPort(), ""), 20);

    Path file = dir.resolve("push-client-0.json");
    result.write(file);
    PushResult read = PushResult.read(file);

    assertThat(read.summary()).isEqualTo(result.summary()).contains("20/20 connections up");
    assertThat(read.slowestPerTickMs()).containsExactly(result.slowestPerTickMs());
  }

  private static PushResult run(PushTarget target, int connections) throws Exception {
    return client(target, connections).run(() -> { }, () -> { });
  }

  private static PushClient client(PushTarget target, int connections) {
    PushLoad load = new PushLoad(connections, Duration.ofMillis(600), INTERVAL, 1, 2, 8, 1);
    return new PushClient(target, load, line -> { });
  }
}
