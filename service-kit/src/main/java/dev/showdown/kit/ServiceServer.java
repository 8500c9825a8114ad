package dev.showdown.kit;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.transport.Transport;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.PrometheusScrapingHandler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Owns a running service: its Vert.x instance, one HTTP server per event loop on one shared port, and the
 * order in which they start and stop.
 */
public final class ServiceServer {
  private final Vertx vertx;
  private final HttpService service;
  private final List<HttpServerVerticle> servers;
  private final String host;
  private final String transport;
  private Future<Void> stopped;

  private ServiceServer(Vertx vertx, HttpService service, List<HttpServerVerticle> servers, String host,
                        String transport) {
    this.vertx = vertx;
    this.service = service;
    this.servers = servers;
    this.host = host;
    this.transport = transport;
  }

  /** Starts {@code service}; the future fails (and everything started is closed) if the port is taken. */
  public static Future<ServiceServer> start(HttpService service, ServiceOptions options) {
    int eventLoops = options.eventLoops();
    VertxOptions vertxOptions = new VertxOptions().setEventLoopPoolSize(eventLoops);
    Transport transport;
    try {
      transport = options.transport().vertxTransport();
    } catch (IllegalStateException unavailable) {
      return Future.failedFuture(unavailable);
    }
    VertxBuilder builder = Vertx.builder().withTransport(transport);
    PrometheusMeterRegistry registry = null;
    Handler<RoutingContext> metricsHandler = null;
    if (options.metrics()) {
      registry = Metrics.newRegistry();
      builder.with(vertxOptions.setMetricsOptions(Metrics.options())).withMetrics(new MicrometerMetricsFactory(registry));
      metricsHandler = PrometheusScrapingHandler.create(registry);
    } else {
      builder.with(vertxOptions);
    }
    Vertx vertx = builder.build();
    ServiceContext context = new ServiceContext(vertx, registry);
    Handler<RoutingContext> scraper = metricsHandler;
    List<HttpServerVerticle> servers = new CopyOnWriteArrayList<>();
    int port = Ports.shared(options.port(service.defaultPort()));
    Supplier<HttpServerVerticle> newServer = () -> {
      HttpServerVerticle server = new HttpServerVerticle(service, options, port, scraper);
      servers.add(server);
      return server;
    };
    // Servers of one Vert.x instance on the same host and port share a single listening socket, and Vert.x
    // spreads accepted connections over their event loops.
    Future<ServiceServer> started = service.start(context)
        .compose(v -> vertx.deployVerticle(newServer, new DeploymentOptions().setInstances(eventLoops)))
        .compose(all -> sharesOnePort(servers))
        .map(all -> new ServiceServer(vertx, service, servers, options.host(), transport.name()));
    // The outcome is reported before Vert.x closes: a listener on the close itself could be scheduled on an
    // event loop that the close has already shut down, and the caller would wait forever.
    Promise<ServiceServer> outcome = Promise.promise();
    started.onComplete(result -> {
      if (result.succeeded()) {
        outcome.complete(result.result());
      } else {
        outcome.fail(result.cause());
        vertx.close();
      }
    });
    return outcome.future();
  }

  private static Future<Void> sharesOnePort(List<HttpServerVerticle> servers) {
    int port = servers.get(0).actualPort();
    for (HttpServerVerticle server : servers) {
      if (server.actualPort() != port) {
        return Future.failedFuture("event-loop servers bound different ports: " + port + " and " + server.actualPort());
      }
    }
    return Future.succeededFuture();
  }

  public int port() {
    return servers.get(0).actualPort();
  }

  public String host() {
    return host;
  }

  public Vertx vertx() {
    return vertx;
  }

  public String transport() {
    return transport;
  }

  public int eventLoops() {
    return servers.size();
  }

  /**
   * Graceful stop: no new connections, open requests get up to {@code grace}, then everything closes.
   * Fails with the service's own stop failure (Vert.x is closed all the same), so a tear-down that went wrong
   * is not reported as a clean stop. Calling it again returns the first call's future.
   */
  public synchronized Future<Void> stop(Duration grace) {
    if (stopped != null) {
      return stopped;
    }
    List<Future<Void>> shutdowns = new ArrayList<>();
    for (HttpServerVerticle server : servers) {
      shutdowns.add(server.shutdown(grace.toMillis()));
    }
    stopped = Future.join(shutdowns)
        .transform(done -> service.stop())
        .transform(serviceStop -> vertx.close().compose(closed -> serviceStop.succeeded()
            ? Future.<Void>succeededFuture() : Future.<Void>failedFuture(serviceStop.cause())));
    return stopped;
  }
}
