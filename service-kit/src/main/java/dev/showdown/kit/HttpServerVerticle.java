package dev.showdown.kit;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One HTTP server on one event loop: the kit's routes, the service's routes, and JSON errors for the rest. */
final class HttpServerVerticle extends VerticleBase {
  /** The JDK's logger, so that a user routes it (JUL by default, or SLF4J through a LoggerFinder) without Vert.x. */
  private static final System.Logger LOG = System.getLogger(HttpServerVerticle.class.getName());
  private static final String STATUS = "status";
  private static final String UP = "UP";
  private static final Buffer HEALTH_UP = new JsonObject().put(STATUS, UP).toBuffer();
  /** Reasons the contract spells out; every other error status is told by its reason phrase. */
  private static final Map<Integer, String> REASONS = Map.of(
      400, "bad request",
      404, "not found",
      405, "method not allowed",
      413, "request body too large",
      500, "internal error");

  private final HttpService service;
  private final String host;
  private final int port;
  private final Duration idleTimeout;
  private final Duration requestTimeout;
  private final Handler<RoutingContext> metricsHandler;
  private HttpServer server;

  HttpServerVerticle(HttpService service, ServiceOptions options, int port, Handler<RoutingContext> metricsHandler) {
    this.service = service;
    this.host = options.host();
    this.port = port;
    this.idleTimeout = options.idleTimeout();
    this.requestTimeout = options.requestTimeout();
    this.metricsHandler = metricsHandler;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.get("/health").handler(ctx -> JsonResponses.ok(ctx.response(), health()));
    if (metricsHandler != null) {
      router.get("/metrics").handler(metricsHandler);
    }
    service.mount(vertx, router);
    for (int status = 400; status < 600; status++) {
      String reason = reason(status);
      int code = status;
      router.errorHandler(status, ctx -> JsonResponses.error(ctx.response(), code, reason));
    }
    router.errorHandler(500, ctx -> {
      LOG.log(Level.ERROR, () -> "Unhandled failure on " + ctx.request().method() + " " + ctx.request().path(),
          ctx.failure());
      JsonResponses.error(ctx.response(), 500, REASONS.get(500));
    });
    HttpServerOptions defaults = new HttpServerOptions().setHost(host).setPort(port)
        // HTTP/1.1 only, as the contract: no second protocol with limits and error paths of its own.
        .setHttp2ClearTextEnabled(false)
        .setIdleTimeout((int) Math.min(Integer.MAX_VALUE, idleTimeout.toMillis()))
        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
    HttpServerOptions options = service.serverOptions(defaults);
    return vertx.createHttpServer(options)
        .connectionHandler(connection -> ConnectionGuards.install(connection, options, requestTimeout))
        .invalidRequestHandler(InvalidRequests::answer)
        .requestHandler(router)
        .listen()
        .onSuccess(bound -> server = bound);
  }

  private Buffer health() {
    Map<String, Object> fields = service.health();
    if (fields.isEmpty()) {
      return HEALTH_UP;
    }
    JsonObject body = new JsonObject().put(STATUS, UP);
    fields.forEach((name, value) -> {
      if (!name.equals(STATUS)) {
        body.put(name, value);
      }
    });
    return body.toBuffer();
  }

  /** The status's reason in the contract's words, else its reason phrase in lower case ("bad gateway"). */
  static String reason(int status) {
    String reason = REASONS.get(status);
    return reason != null ? reason : HttpResponseStatus.valueOf(status).reasonPhrase().toLowerCase(Locale.ROOT);
  }

  int actualPort() {
    return server.actualPort();
  }

  /** Stops accepting, then lets open requests finish for up to the grace period. */
  Future<Void> shutdown(long graceMillis) {
    return server == null ? Future.succeededFuture() : server.shutdown(graceMillis, TimeUnit.MILLISECONDS);
  }
}
