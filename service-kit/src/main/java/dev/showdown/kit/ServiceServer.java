package dev.showdown.kit;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.PrometheusScrapingHandler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Owns a running service: its Vert.x instance, one HTTP server per event loop on one shared port, and the
 * order in which they start and stop.
 */
public final class ServiceServer {
  private final Vertx vertx;
  private final HttpService service;
  private final List<HttpServerVerticle> servers;
  private final String host;

  private ServiceServer(Vertx vertx, HttpService service, List<HttpServerVerticle> servers, String host) {
    this.vertx = vertx;
    this.service = service;
    this.servers = servers;
    this.host = host;
  }

  /** Starts {@code service}; the future fails (and everything started is closed) if the port is taken. */
  public static Future<ServiceServer> start(HttpService service, ServiceOptions options) {
    int eventLoops = options.eventLoops();
    VertxOptions vertxOptions = new VertxOptions()
        .setEventLoopPoolSize(eventLoops)
        .setPreferNativeTransport(true);
    Vertx vertx;
    Handler<RoutingContext> metricsHandler = null;
    if (options.metrics()) {
      PrometheusMeterRegistry registry = Metrics.newRegistry();
      vertx = Vertx.builder()
          .with(vertxOptions.setMetricsOptions(Metrics.options()))
          .withMetrics(new MicrometerMetricsFactory(registry))
          .build();
      metricsHandler = PrometheusScrapingHandler.create(registry);
    } else {
      vertx = Vertx.builder().with(vertxOptions).build();
    }
    Handler<RoutingContext> scraper = metricsHandler;
    List<HttpServerVerticle> servers = new ArrayList<>();
    String host = options.host();
    // The first server fixes the port (port 0 picks a free one); the others then share that port.
    HttpServerVerticle first = new HttpServerVerticle(service, host, options.port(service.defaultPort()), scraper);
    servers.add(first);
    Future<ServiceServer> started = service.start(vertx)
        .compose(v -> vertx.deployVerticle(first))
        .compose(id -> {
          int port = first.actualPort();
          List<Future<String>> rest = new ArrayList<>();
          for (int i = 1; i < eventLoops; i++) {
            HttpServerVerticle next = new HttpServerVerticle(service, host, port, scraper);
            servers.add(next);
            rest.add(vertx.deployVerticle(next, new DeploymentOptions()));
          }
          return Future.all(rest);
        })
        .map(all -> new ServiceServer(vertx, service, servers, host));
    return started.recover(failure -> vertx.close().transform(closed -> Future.failedFuture(failure)));
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
    return vertx.isNativeTransportEnabled() ? "epoll" : "nio";
  }

  public int eventLoops() {
    return servers.size();
  }

  /** Graceful stop: no new connections, open requests get up to {@code grace}, then everything closes. */
  public Future<Void> stop(Duration grace) {
    List<Future<Void>> shutdowns = new ArrayList<>();
    for (HttpServerVerticle server : servers) {
      shutdowns.add(server.shutdown(grace.toMillis()));
    }
    return Future.join(shutdowns)
        .transform(done -> service.stop())
        .transform(done -> vertx.close());
  }
}
