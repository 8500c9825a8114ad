package dev.showdown.fib;

import dev.showdown.kit.Await;
import dev.showdown.kit.MetricSamples;
import dev.showdown.kit.RawHttp;
import dev.showdown.kit.RunningService;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** Work for a client that has closed its connection: skipped while queued, stopped while running, counted. */
class AbandonedWorkTest {
  private static final String CONNECTIONS = "vertx_http_server_active_connections";

  @Test
  void queuedWorkOfClientsThatLeftIsNeverComputed() throws Exception {
    int held = 30;
    CountDownLatch release = new CountDownLatch(1);
    Queue<Integer> computed = new ConcurrentLinkedQueue<>();
    FibService fib = new FibService(1, 3, 40, (n, cancelled) -> {
      computed.add(n);
      if (n == held) {
        await(release);
      }
      return Fibonacci.of(n, cancelled);
    });
    try (RunningService service = RunningService.start(fib)) {
      Future<HttpResponse<Buffer>> holding = service.client().get("/fib/" + held).send();
      Await.until("the only worker is busy", () -> computed.contains(held));
      List<Socket> leaving = List.of(request(service, 21), request(service, 22), request(service, 23));
      Await.until("three requests queued behind it", () -> fib.admitted() == 4);
      double open = metric(service, CONNECTIONS);
      for (Socket socket : leaving) {
        socket.close();
      }
      // Vert.x tells the response of a closed connection before it counts the connection as gone.
      Await.until("the service saw the three leave", () -> metric(service, CONNECTIONS) <= open - 3);

      release.countDown();
      assertThat(holding.await().bodyAsString()).isEqualTo("{\"result\":832040}");
      Await.until("the queued work left the gate", () -> fib.admitted() == 0);

      assertThat(computed).containsExactly(held);
      assertThat(metric(service, "fib_abandoned_total{stage=\"queued\"}")).isEqualTo(3);
      assertThat(service.get("/fib/10").bodyAsString()).isEqualTo("{\"result\":55}");
    }
  }

  @Test
  void runningWorkOfAClientThatLeftStopsAndFreesItsWorker() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    FibService fib = new FibService(1, 0, Fibonacci.MAX_N, (n, cancelled) -> {
      started.countDown();
      return Fibonacci.of(n, cancelled);
    });
    try (RunningService service = RunningService.start(fib)) {
      // Naive fib(90) would hold the only worker for centuries.
      try (Socket leaving = request(service, 90)) {
        await(started);
      }

      Await.until("the worker is free again", () -> fib.admitted() == 0);
      assertThat(service.get("/fib/10").bodyAsString()).isEqualTo("{\"result\":55}");
      assertThat(metric(service, "fib_abandoned_total{stage=\"running\"}")).isEqualTo(1);
    }
  }

  /** A client on a socket of its own, so the test can make it leave by closing the socket. */
  private static Socket request(RunningService service, int n) throws IOException {
    Socket socket = new Socket("127.0.0.1", service.port());
    OutputStream out = socket.getOutputStream();
    out.write(("GET /fib/" + n + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return socket;
  }

  /**
   * The value of one sample on {@code /metrics}, e.g. {@code fib_abandoned_total{stage="queued"}}, read on a
   * connection of its own that closes after the answer: the test's pooled client may open connections of its own
   * at any time, which would move the service's connection count under the test's feet.
   */
  private static double metric(RunningService service, String sample) {
    try (RawHttp http = RawHttp.connect(service.port())) {
      RawHttp.Response metrics = http.send("GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
          .read(Await.DEFAULT_BOUND);
      return MetricSamples.value(metrics.body(), sample);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
