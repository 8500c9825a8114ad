package dev.showdown.bench.upstream;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class UpstreamStubTest {
  private static UpstreamStub stub;
  private static HttpClient client;

  @BeforeAll
  static void start() {
    stub = UpstreamStub.start("127.0.0.1", 0, 1, 1);
    client = HttpClient.newHttpClient();
  }

  @AfterAll
  static void stop() {
    stub.close();
  }

  @Test
  void anItemIsAbout200BytesOfJsonNamingItsId() throws Exception {
    HttpResponse<String> answer = get("/items/4711");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(answer.body().length()).isBetween(150, 250);
    assertThat(new JsonObject(answer.body()).getLong("id")).isEqualTo(4711L);
  }

  @Test
  void aNonDecimalIdIs400() throws Exception {
    HttpResponse<String> answer = get("/items/12a");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(answer.body()).getString("error")).isNotBlank();
  }

  @Test
  void otherPathsAre404() throws Exception {
    assertThat(get("/items/").statusCode()).isEqualTo(404);
    assertThat(get("/users/1").statusCode()).isEqualTo(404);
  }

  private static HttpResponse<String> get(String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(stub.url() + path)).timeout(Duration.ofSeconds(10)).build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
