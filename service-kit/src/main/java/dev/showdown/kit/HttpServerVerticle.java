package dev.showdown.kit;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.core.internal.logging.Logger;
import io.vertx.core.internal.logging.LoggerFactory;

import java.util.concurrent.TimeUnit;

/** One HTTP server on one event loop: the kit's routes, the service's routes, and JSON errors for the rest. */
final class HttpServerVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(HttpServerVerticle.class);
  private static final Buffer HEALTH_UP = Buffer.buffer("{\"status\":\"UP\"}");

  private final HttpService service;
  private final String host;
  private final int port;
  private final Handler<RoutingContext> metricsHandler;
  private HttpServer server;

  HttpServerVerticle(HttpService service, String host, int port, Handler<RoutingContext> metricsHandler) {
    this.service = service;
    this.host = host;
    this.port = port;
    this.metricsHandler = metricsHandler;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.get("/health").handler(ctx -> JsonResponses.ok(ctx.response(), HEALTH_UP));
    if (metricsHandler != null) {
      router.get("/metrics").handler(metricsHandler);
    }
    service.mount(vertx, router);
    router.errorHandler(400, ctx -> JsonResponses.error(ctx.response(), 400, "bad request"));
    router.errorHandler(404, ctx -> JsonResponses.error(ctx.response(), 404, "not found"));
    router.errorHandler(405, ctx -> JsonResponses.error(ctx.response(), 405, "method not allowed"));
    router.errorHandler(413, ctx -> JsonResponses.error(ctx.response(), 413, "request body too large"));
    router.errorHandler(500, ctx -> {
      LOG.error("Unhandled failure on " + ctx.request().method() + " " + ctx.request().path(), ctx.failure());
      JsonResponses.error(ctx.response(), 500, "internal error");
    });
    HttpServerOptions options = new HttpServerOptions().setHost(host).setPort(port);
    return vertx.createHttpServer(service.serverOptions(options))
        .requestHandler(router)
        .listen()
        .onSuccess(bound -> server = bound);
  }

  int actualPort() {
    return server.actualPort();
  }

  /** Stops accepting, then lets open requests finish for up to the grace period. */
  Future<Void> shutdown(long graceMillis) {
    return server == null ? Future.succeededFuture() : server.shutdown(graceMillis, TimeUnit.MILLISECONDS);
  }
}
