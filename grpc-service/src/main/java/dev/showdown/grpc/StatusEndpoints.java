package dev.showdown.grpc;

import dev.showdown.kit.HttpService;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/** The HTTP side of the grpc-service: only the kit's own {@code /health} and {@code /metrics}. */
final class StatusEndpoints implements HttpService {
  static final int DEFAULT_PORT = 9091;

  @Override
  public String name() {
    return "grpc-service";
  }

  @Override
  public int defaultPort() {
    return DEFAULT_PORT;
  }

  @Override
  public void mount(Vertx vertx, Router router) {
    // Nothing beyond what the kit mounts on every service.
  }
}
