package dev.showdown.bench.upstream;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

/**
 * The "external API" of the data scenario: {@code GET /items/{id}} answers a ~200-byte JSON item after a fixed
 * delay (a timer, not a sleeping thread), so the stub stays far cheaper than the service it feeds.
 */
public final class UpstreamStub implements AutoCloseable {
  private static final String ITEMS = "/items/";
  private static final CharSequence APPLICATION_JSON = HttpHeaders.createOptimized("application/json");

  private final Vertx vertx;
  private final HttpServer server;
  private final long delayMillis;

  private UpstreamStub(Vertx vertx, HttpServer server, long delayMillis) {
    this.vertx = vertx;
    this.server = server;
    this.delayMillis = delayMillis;
  }

  /** Listens on {@code host:port} (0 picks a free port) with {@code eventLoops} threads. */
  public static UpstreamStub start(String host, int port, long delayMillis, int eventLoops) {
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops).setPreferNativeTransport(true));
    HttpServerOptions options = new HttpServerOptions().setHost(host).setPort(port).setTcpNoDelay(true);
    Future<HttpServer> listening = vertx.createHttpServer(options)
        .requestHandler(request -> answer(vertx, request, delayMillis))
        .listen();
    try {
      return new UpstreamStub(vertx, listening.await(), delayMillis);
    } catch (RuntimeException e) {
      vertx.close().await();
      throw e;
    }
  }

  private static void answer(Vertx vertx, HttpServerRequest request, long delayMillis) {
    String path = request.path();
    if (!path.startsWith(ITEMS) || path.length() == ITEMS.length()) {
      request.response().setStatusCode(404).putHeader(HttpHeaders.CONTENT_TYPE, APPLICATION_JSON)
          .end("{\"error\":\"not found\"}");
      return;
    }
    String id = path.substring(ITEMS.length());
    for (int i = 0; i < id.length(); i++) {
      if (id.charAt(i) < '0' || id.charAt(i) > '9') {
        request.response().setStatusCode(400).putHeader(HttpHeaders.CONTENT_TYPE, APPLICATION_JSON)
            .end("{\"error\":\"id must be decimal digits\"}");
        return;
      }
    }
    if (delayMillis <= 0) {
      request.response().putHeader(HttpHeaders.CONTENT_TYPE, APPLICATION_JSON).end(ItemBody.of(id));
    } else {
      vertx.setTimer(delayMillis, fired -> request.response()
          .putHeader(HttpHeaders.CONTENT_TYPE, APPLICATION_JSON).end(ItemBody.of(id)));
    }
  }

  public int port() {
    return server.actualPort();
  }

  public String url() {
    return "http://127.0.0.1:" + port();
  }

  public long delayMillis() {
    return delayMillis;
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
