package dev.showdown.ping;

import dev.showdown.kit.HttpService;
import dev.showdown.kit.JsonResponses;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/** {@code GET /ping} answers exactly {@code {"message":"pong"}}: the raw-throughput scenario. */
public final class PingService implements HttpService {
  public static final int DEFAULT_PORT = 8080;

  @Override
  public String name() {
    return "ping-service";
  }

  @Override
  public int defaultPort() {
    return DEFAULT_PORT;
  }

  @Override
  public void mount(Vertx vertx, Router router) {
    // Encoded once per event loop: the body and its length never change (JMH PingEncodingBenchmark).
    Buffer body = Buffer.buffer(PongBody.bytes());
    CharSequence length = HttpHeaders.createOptimized(Integer.toString(body.length()));
    router.get("/ping").handler(ctx -> ctx.response()
        .putHeader(JsonResponses.CONTENT_TYPE, JsonResponses.APPLICATION_JSON)
        .putHeader(HttpHeaders.CONTENT_LENGTH, length)
        .end(body));
  }
}
