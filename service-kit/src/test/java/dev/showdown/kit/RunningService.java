package dev.showdown.kit;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.time.Duration;

/**
 * A service started for a test on a free loopback port, with a client on a Vert.x instance of its own (so a
 * blocked server loop cannot stall the client). Shared with every service's tests through the test-jar.
 */
public final class RunningService implements AutoCloseable {
  private final ServiceServer server;
  private final Vertx clientVertx;
  private final WebClient client;

  private RunningService(ServiceServer server) {
    this.server = server;
    this.clientVertx = Vertx.vertx();
    this.client = WebClient.create(clientVertx, new WebClientOptions()
        .setDefaultHost("127.0.0.1")
        .setDefaultPort(server.port()), new PoolOptions().setHttp1MaxSize(64));
  }

  public static RunningService start(HttpService service) {
    return start(service, ServiceOptions.loopback(2));
  }

  public static RunningService start(HttpService service, ServiceOptions options) {
    return new RunningService(ServiceServer.start(service, options).await());
  }

  public int port() {
    return server.port();
  }

  public ServiceServer server() {
    return server;
  }

  public WebClient client() {
    return client;
  }

  public HttpResponse<Buffer> get(String path) {
    return client.get(path).send().await();
  }

  /** The value of one sample on this server's {@code /metrics} (see {@link MetricSamples#value}). */
  public double metric(String sample) {
    return MetricSamples.value(get("/metrics").bodyAsString(), sample);
  }

  public HttpResponse<Buffer> send(HttpMethod method, String path, Buffer body) {
    return client.request(method, path).sendBuffer(body).await();
  }

  @Override
  public void close() {
    try {
      server.stop(Duration.ofSeconds(1)).await();
    } finally {
      clientVertx.close().await();
    }
  }
}
