package dev.showdown.grpc;

import dev.showdown.kit.HttpService;
import dev.showdown.kit.ServiceContext;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/**
 * The HTTP side of the grpc-service: only the kit's own {@code /health} and {@code /metrics}, the latter with the
 * gRPC side's {@link RejectedRequests} counts on the same server's registry.
 */
final class StatusEndpoints implements HttpService {
  static final int DEFAULT_PORT = 9091;

  private final RejectedRequests rejected;

  StatusEndpoints(RejectedRequests rejected) {
    this.rejected = rejected;
  }

  @Override
  public String name() {
    return "grpc-service";
  }

  @Override
  public int defaultPort() {
    return DEFAULT_PORT;
  }

  @Override
  public Future<Void> start(ServiceContext context) {
    context.meterRegistry().ifPresent(rejected::bindTo);
    return Future.succeededFuture();
  }

  @Override
  public void mount(Vertx vertx, Router router) {
    // Nothing beyond what the kit mounts on every service.
  }
}
