package dev.showdown.data;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real upstream for tests on a free loopback port whose behaviour can be switched: answer, fail with 500,
 * send garbage, hold requests until released, or send a body one byte at a time without ever ending it.
 */
final class StubUpstream implements AutoCloseable {
  enum Behaviour { ANSWER, SERVER_ERROR, NOT_JSON, OVERSIZED, HOLD, DRIP }

  /** What a 500 carries: the service must not pass any of it on. */
  static final String ERROR_BODY = "{\"error\":\"db at 10.0.0.7:5432 refused: connection reset\"}";
  static final long DRIP_MILLIS = 100;

  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger openConnections = new AtomicInteger();
  private final AtomicInteger dripping = new AtomicInteger();
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

  /** Responses still dripping: each stops when its connection closes. */
  int dripping() {
    return dripping.get();
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
      case SERVER_ERROR -> request.response().setStatusCode(500).end(ERROR_BODY);
      case NOT_JSON -> request.response().end("<html>not json</html>");
      case OVERSIZED -> request.response().setChunked(true).end(Buffer.buffer(new byte[Upstream.MAX_BODY + 1]));
      case HOLD -> held.add(request);
      case DRIP -> drip(request.response());
    }
  }

  /** Never idle for long, never done: only a deadline on the whole exchange ends it. */
  private void drip(HttpServerResponse response) {
    response.setChunked(true).putHeader("Content-Type", "application/json").write("[");
    dripping.incrementAndGet();
    long timer = vertx.setPeriodic(DRIP_MILLIS, tick -> response.write(" "));
    response.closeHandler(closed -> {
      vertx.cancelTimer(timer);
      dripping.decrementAndGet();
    });
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
