package dev.showdown.data;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real upstream for tests on a free loopback port whose behaviour can be switched: answer, fail with 500,
 * send garbage, hold requests until released, or stop listening altogether (connection refused).
 */
final class StubUpstream implements AutoCloseable {
  enum Behaviour { ANSWER, SERVER_ERROR, NOT_JSON, OVERSIZED, HOLD }

  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger openConnections = new AtomicInteger();
  private final Queue<HttpServerRequest> held = new ConcurrentLinkedQueue<>();
  private volatile Behaviour behaviour = Behaviour.ANSWER;

  StubUpstream() {
    server = vertx.createHttpServer()
        .connectionHandler(connection -> {
          openConnections.incrementAndGet();
          connection.closeHandler(closed -> openConnections.decrementAndGet());
        })
        .requestHandler(this::handle)
        .listen(0, "127.0.0.1")
        .await();
  }

  static String item(String id) {
    return "{\"id\":" + id + ",\"name\":\"item " + id + "\",\"tags\":[\"a\",\"b\"],\"price\":12.5}";
  }

  String url() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  void behave(Behaviour next) {
    behaviour = next;
  }

  int requests() {
    return requests.get();
  }

  int openConnections() {
    return openConnections.get();
  }

  int held() {
    return held.size();
  }

  /** Answers every held request normally. */
  void release() {
    HttpServerRequest request;
    while ((request = held.poll()) != null) {
      HttpServerRequest toAnswer = request;
      vertx.runOnContext(v -> answer(toAnswer));
    }
  }

  private void handle(HttpServerRequest request) {
    requests.incrementAndGet();
    switch (behaviour) {
      case ANSWER -> answer(request);
      case SERVER_ERROR -> request.response().setStatusCode(500).end("{\"error\":\"boom\"}");
      case NOT_JSON -> request.response().end("<html>not json</html>");
      case OVERSIZED -> request.response().setChunked(true).end(Buffer.buffer(new byte[Upstream.MAX_BODY + 1]));
      case HOLD -> held.add(request);
    }
  }

  private static void answer(HttpServerRequest request) {
    String path = request.path();
    request.response().putHeader("Content-Type", "application/json")
        .end(item(path.substring(path.lastIndexOf('/') + 1)));
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
