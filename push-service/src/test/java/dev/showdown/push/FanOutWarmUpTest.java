package dev.showdown.push;

import dev.showdown.kit.Await;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class FanOutWarmUpTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @RegisterExtension
  final PushFixture push = new PushFixture();

  private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));

  @AfterEach
  void closeVertx() {
    vertx.close().await();
  }

  @Test
  void everyLoopDeliversEveryRoundToItsOwnConnectionsAndClosesThemAll() throws Exception {
    PushStats warmUp = FanOutWarmUp.run(vertx, PushSettings.forTest(Duration.ofHours(1), null)).await();

    long writes = 2L * FanOutWarmUp.CONNECTIONS_PER_LOOP * FanOutWarmUp.ROUNDS;
    assertThat(warmUp.pushed() + warmUp.dropped()).isEqualTo(writes);
    assertThat(warmUp.pushed()).as("rounds are spaced so readers drain: most writes find room").isGreaterThan(writes / 2);
    Await.until("every warm-up connection to close", () -> warmUp.open() == 0, WAIT);
  }

  @Test
  void aWarmedUpNodeStartsWithCleanMetersAndDeliversInOrder() throws Exception {
    push.start(PushSettings.forTest(Duration.ofMillis(100), null).withWarmUp(true));
    PushStats stats = push.service().stats();
    assertThat(stats.pushed() + stats.dropped() + stats.open()).as("nothing of the warm-up is counted").isZero();

    TestSubscriber subscriber = TestSubscriber.tcp(push.clients(), push.service().tcpPort());
    subscriber.awaitMessages(received -> received.size() >= 3, WAIT);

    PushServiceTest.assertConsecutive(subscriber.seqs());
  }
}
