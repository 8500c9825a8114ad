package dev.showdown.kit;

import io.netty.channel.Channel;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceServerTest {

  /** A service with a route that fails, and one that answers only when the test says so. */
  static final class ProbeService implements HttpService {
    final List<Promise<Void>> slowRequests = new CopyOnWriteArrayList<>();
    final CompletableFuture<Void> slowArrived = new CompletableFuture<>();
    /** The pipeline's handler names before and after a WebSocket channel is released from the kit's guards. */
    final CompletableFuture<List<List<String>>> takenOver = new CompletableFuture<>();

    @Override
    public String name() {
      return "probe";
    }

    @Override
    public int defaultPort() {
      return 0;
    }

    @Override
    public void mount(Vertx vertx, Router router) {
      router.get("/boom").handler(ctx -> {
        throw new IllegalStateException("secret internal detail");
      });
      router.get("/upstream").handler(ctx -> ctx.fail(502, new IllegalStateException(
          "connect to 10.1.2.3:6379 failed: finishConnect(..) failed with error(-111)")));
      router.post("/echo").handler(ctx -> ctx.request().body()
          .onSuccess(body -> JsonResponses.ok(ctx.response(), new JsonObject().put("bytes", body.length()).toBuffer())));
      router.get("/ws").handler(WebSocketHandshakes::validate).handler(ctx -> ctx.request().toWebSocket()
          .onSuccess(socket -> socket.textMessageHandler(socket::writeTextMessage)));
      router.get("/take-over").handler(ctx -> {
        Channel channel = ConnectionGuards.channel(ctx.request().connection());
        ctx.request().toWebSocket().onSuccess(socket -> {
          List<String> before = channel.pipeline().names();
          ConnectionGuards.removeFrom(channel);
          takenOver.complete(List.of(before, channel.pipeline().names()));
        });
      });
      router.get("/loop").handler(ctx -> ctx.response().end(Thread.currentThread().getName()));
      router.get("/slow").handler(ctx -> {
        Promise<Void> release = Promise.promise();
        slowRequests.add(release);
        release.future().onSuccess(v -> ctx.response().end("done"));
        slowArrived.complete(null);
      });
    }
  }

  private ProbeService probe;
  private RunningService service;

  @BeforeEach
  void start() {
    probe = new ProbeService();
    service = RunningService.start(probe);
  }

  @AfterEach
  void stop() {
    service.close();
  }

  @Test
  void healthAnswersUp() {
    HttpResponse<Buffer> response = service.get("/health");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject().put("status", "UP"));
  }

  @Test
  void unknownPathIsAJson404() {
    HttpResponse<Buffer> response = service.get("/no/such/thing");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("not found");
  }

  @Test
  void wrongMethodIsAJson405() {
    HttpResponse<Buffer> response = service.send(HttpMethod.DELETE, "/health", Buffer.buffer());
    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("method not allowed");
  }

  @Test
  void aFailingHandlerIsAJson500WithoutTheStackTrace() {
    HttpResponse<Buffer> response = service.get("/boom");
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("internal error");
    assertThat(response.bodyAsString()).doesNotContain("secret internal detail").doesNotContain("Exception");
    assertThat(service.get("/health").statusCode()).isEqualTo(200);
  }

  /** The kit logs through System.Logger, which reaches JUL unless the user installs another LoggerFinder. */
  @Test
  void aFailingHandlersCauseReachesTheJdkLogWithItsRoute() {
    try (CapturedLog log = CapturedLog.start()) {
      assertThat(service.get("/boom").statusCode()).isEqualTo(500);
      assertThat(log.from(HttpServerVerticle.class)).singleElement().satisfies(record -> {
        assertThat(record.getLevel()).isEqualTo(java.util.logging.Level.SEVERE);
        assertThat(record.getMessage()).isEqualTo("Unhandled failure on GET /boom");
        assertThat(record.getThrown()).hasMessage("secret internal detail");
      });
    }
  }

  @Test
  void anErrorStatusWithoutAHandlerOfItsOwnIsJsonAndKeepsTheCauseToItself() {
    HttpResponse<Buffer> response = service.get("/upstream");
    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject().put("error", "bad gateway"));
  }

  @Test
  void metricsCountRequestsAndRecordLatencyPerRoute() {
    service.get("/health");
    service.get("/no/such/thing");
    HttpResponse<Buffer> response = service.get("/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).startsWith("text/plain");
    String text = response.bodyAsString();
    assertThat(text)
        .contains("vertx_http_server_requests_total{code=\"200\",method=\"GET\",route=\"/health\"} 1.0")
        .contains("vertx_http_server_requests_total{code=\"404\",method=\"GET\",route=\"\"} 1.0")
        .contains("vertx_http_server_response_time_seconds_bucket{code=\"200\",method=\"GET\",route=\"/health\",le=\"+Inf\"} 1")
        .contains("vertx_http_server_response_time_seconds_bucket{code=\"200\",method=\"GET\",route=\"/health\",le=\"0.001\"}");
  }

  @Test
  void aTakenPortFailsTheStartWithTheReason() {
    ServiceOptions options = ServiceOptions.loopback(1);
    options.port = service.port();
    assertThatThrownBy(() -> ServiceServer.start(probe, options).await())
        .hasMessageContaining("Address already in use");
  }

  @Test
  void aServiceWhoseSetUpFailsFailsTheStartWithItsReason() {
    HttpService failing = new HttpService() {
      @Override
      public String name() {
        return "failing";
      }

      @Override
      public int defaultPort() {
        return 0;
      }

      @Override
      public Future<Void> start(Vertx vertx) {
        // Fails later, on an event loop, as a failed connection to a dependency would.
        Promise<Void> connected = Promise.promise();
        vertx.setTimer(10, id -> connected.fail("dependency unavailable"));
        return connected.future();
      }

      @Override
      public void mount(Vertx vertx, Router router) {
      }
    };
    Future<ServiceServer> start = ServiceServer.start(failing, ServiceOptions.loopback(1));
    assertThat(start.toCompletionStage().toCompletableFuture())
        .failsWithin(Duration.ofSeconds(20))
        .withThrowableThat().withMessageContaining("dependency unavailable");
  }

  @Test
  void aServiceWhoseTearDownFailsFailsTheStopAndStillClosesEverything() {
    HttpService failingStop = new HttpService() {
      @Override
      public String name() {
        return "failing-stop";
      }

      @Override
      public int defaultPort() {
        return 0;
      }

      @Override
      public void mount(Vertx vertx, Router router) {
      }

      @Override
      public Future<Void> stop() {
        return Future.failedFuture("flush to disk failed");
      }
    };
    ServiceServer server = ServiceServer.start(failingStop, ServiceOptions.loopback(1)).await();

    assertThatThrownBy(() -> server.stop(Duration.ofSeconds(1)).await()).hasMessageContaining("flush to disk failed");
    assertThat(refused(server.port())).as("the port is closed").isTrue();
  }

  @Test
  void stopLetsInFlightRequestsFinishAndRefusesNewConnections() throws Exception {
    Future<HttpResponse<Buffer>> slow = service.client().get("/slow").send();
    probe.slowArrived.get();

    Future<Void> stopped = service.server().stop(Duration.ofSeconds(5));
    assertThat(stopped.isComplete()).as("stop waits for the open request").isFalse();

    // The listening socket closes on its acceptor loop a moment after stop() returns; until then a connection
    // may still be accepted (and is answered 503), so the refusal is awaited, bounded, while the request is open.
    Await.until("new connections refused", () -> refused(service.port()), Duration.ofSeconds(5));
    assertThat(slow.isComplete()).isFalse();

    probe.slowRequests.get(0).complete();
    HttpResponse<Buffer> response = slow.await();
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsString()).isEqualTo("done");
    stopped.await();
  }

  private static boolean refused(int port) {
    try (Socket accepted = new Socket(InetAddress.getLoopbackAddress(), port)) {
      return false;
    } catch (ConnectException refused) {
      return true;
    } catch (IOException resetWhileShuttingDown) {
      // Accepted just before the listener closed; ask again.
      return false;
    }
  }
}
