package dev.showdown.ping;

import dev.showdown.kit.RunningService;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PingServiceTest {
  private static RunningService service;

  @BeforeAll
  static void start() {
    service = RunningService.start(new PingService());
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @Test
  void answersExactlyTheContractsBytes() {
    HttpResponse<Buffer> response = service.get("/ping");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(response.getHeader("Content-Length")).isEqualTo("18");
    assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"pong\"}");
  }

  @Test
  void theSharedBodyStaysIntactUnderConcurrentRequests() {
    List<Future<HttpResponse<Buffer>>> responses = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      responses.add(service.client().get("/ping").send());
    }
    for (Future<HttpResponse<Buffer>> response : responses) {
      assertThat(response.await().bodyAsString()).isEqualTo("{\"message\":\"pong\"}");
    }
  }

  @Test
  void otherMethodsAndPathsAreJsonErrors() {
    HttpResponse<Buffer> post = service.send(HttpMethod.POST, "/ping", Buffer.buffer("x"));
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.bodyAsJsonObject().getString("error")).isEqualTo("method not allowed");

    HttpResponse<Buffer> unknown = service.get("/pingg");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.bodyAsJsonObject().getString("error")).isEqualTo("not found");
  }

  @Test
  void pingsAreCountedInMetrics() {
    service.get("/ping");
    assertThat(service.get("/metrics").bodyAsString())
        .containsPattern("vertx_http_server_requests_total\\{code=\"200\",method=\"GET\",route=\"/ping\"} [1-9]");
  }
}
