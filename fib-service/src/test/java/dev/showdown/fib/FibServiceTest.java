package dev.showdown.fib;

import dev.showdown.kit.Await;
import dev.showdown.kit.RunningService;
import dev.showdown.kit.ServiceOptions;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

class FibServiceTest {

  @Test
  void answersTheContractsFib35() {
    try (RunningService service = RunningService.start(new FibService(2, 4, 40))) {
      HttpResponse<Buffer> response = service.get("/fib/35");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
      assertThat(response.bodyAsString()).isEqualTo("{\"result\":9227465}");
    }
  }

  @Test
  void acceptsTheBoundsOfN() {
    try (RunningService service = RunningService.start(new FibService(2, 4, 12))) {
      assertThat(service.get("/fib/0").bodyAsJsonObject().getLong("result")).isZero();
      assertThat(service.get("/fib/12").bodyAsJsonObject().getLong("result")).isEqualTo(144);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "+5", "%205", "5%20", "abc", "3.0", "0x10", "1e1", "41", "99999999999999999999",
      "9223372036854775808", "%D9%A3"})
  void refusesAnNThatIsNotAnIntegerInRange(String n) {
    try (RunningService service = RunningService.start(new FibService(1, 1, 40))) {
      HttpResponse<Buffer> response = service.get("/fib/" + n);
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
      assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject().put("error", "n must be an integer in 0..40"));
    }
  }

  @Test
  void anEmptyNIs400WithTheReasonOfAnyBadN() {
    try (RunningService service = RunningService.start(new FibService(1, 1, 40))) {
      HttpResponse<Buffer> response = service.get("/fib/");
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
      assertThat(response.bodyAsString()).isEqualTo("{\"error\":\"n must be an integer in 0..40\"}");
    }
  }

  @Test
  void shedsWithRetryAfterWhenWorkersAndQueueAreFull() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    FibService fib = new FibService(1, 2, 40, (n, cancelled) -> awaitThen(release, Fibonacci.of(n)));
    try (RunningService service = RunningService.start(fib)) {
      List<Future<HttpResponse<Buffer>>> admitted = fillTheGate(service, fib, 3);

      HttpResponse<Buffer> shed = service.get("/fib/10");
      assertThat(shed.statusCode()).isEqualTo(503);
      assertThat(shed.getHeader("Retry-After")).isEqualTo("1");
      assertThat(shed.bodyAsJsonObject().getString("error")).startsWith("busy");

      release.countDown();
      for (Future<HttpResponse<Buffer>> response : admitted) {
        assertThat(response.await().bodyAsString()).isEqualTo("{\"result\":55}");
      }
      assertThat(service.get("/fib/10").statusCode()).as("capacity is given back").isEqualTo(200);
    }
  }

  @Test
  void healthAnswersWhileEveryWorkerIsBusyOnTheOnlyEventLoop() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    FibService fib = new FibService(2, 0, 40, (n, cancelled) -> awaitThen(release, Fibonacci.of(n)));
    try (RunningService service = RunningService.start(fib, ServiceOptions.loopback(1))) {
      List<Future<HttpResponse<Buffer>>> running = fillTheGate(service, fib, 2);

      // Had the work run on the event loop, it would be stuck in the latch and /health could not answer.
      HttpResponse<Buffer> health = service.get("/health");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(running).noneMatch(Future::isComplete);

      release.countDown();
      for (Future<HttpResponse<Buffer>> response : running) {
        assertThat(response.await().statusCode()).isEqualTo(200);
      }
    }
  }

  @Test
  void healthStaysResponsiveUnderRealFibWork() {
    try (RunningService service = RunningService.start(new FibService(2, 8, 40), ServiceOptions.loopback(1))) {
      List<Future<HttpResponse<Buffer>>> running = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        running.add(service.client().get("/fib/40").send());
      }
      HttpResponse<Buffer> health = service.get("/health");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(running).as("health answered before the CPU work was done").anyMatch(f -> !f.isComplete());
      for (Future<HttpResponse<Buffer>> response : running) {
        assertThat(response.await().bodyAsString()).isEqualTo("{\"result\":102334155}");
      }
    }
  }

  /** Sends {@code count} requests and waits until the service has admitted all of them. */
  private static List<Future<HttpResponse<Buffer>>> fillTheGate(RunningService service, FibService fib, int count) {
    List<Future<HttpResponse<Buffer>>> responses = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      responses.add(service.client().get("/fib/10").send());
    }
    Await.until("requests admitted", () -> fib.admitted() == count);
    return responses;
  }

  private static long awaitThen(CountDownLatch latch, long value) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return value;
  }
}
