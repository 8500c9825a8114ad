package dev.showdown.kit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;

import java.util.Map;

/**
 * What a service adds to the kit: its name, its default port, and its routes. The kit owns everything else
 * (the server on every event loop, {@code /health}, {@code /metrics}, JSON errors, shutdown).
 */
public interface HttpService {

  /** The name printed in the ready line, {@code <name> listening on host:port}. */
  String name();

  int defaultPort();

  /** Creates what all event loops share (worker pools, clients); runs once, before any route is mounted. */
  default Future<Void> start(Vertx vertx) {
    return Future.succeededFuture();
  }

  /**
   * What the kit calls: {@link #start(Vertx)} unless a service overrides this one to use more of the context,
   * such as the meter registry behind {@code /metrics}.
   */
  default Future<Void> start(ServiceContext context) {
    return start(context.vertx());
  }

  /**
   * Fields added after {@code "status":"UP"} in each {@code GET /health} answer, e.g. a dependency's state; none by
   * default. Called on an event loop for every request, so it only reads what the service already knows. A field
   * named {@code status} is left out: the status is the kit's.
   */
  default Map<String, Object> health() {
    return Map.of();
  }

  /** Adjusts the HTTP server's options (the kit's defaults come in), e.g. to turn WebSocket compression off. */
  default HttpServerOptions serverOptions(HttpServerOptions defaults) {
    return defaults;
  }

  /** Adds the service's routes; called once per event loop, on that loop. */
  void mount(Vertx vertx, Router router);

  /** Releases what {@link #start} created, after the HTTP servers have stopped. */
  default Future<Void> stop() {
    return Future.succeededFuture();
  }
}
