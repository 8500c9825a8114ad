package dev.showdown.kit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What a service may add to the kit's own endpoints: fields in /health, meters in /metrics. */
class ServiceHooksTest {

  /** A service that says which node it is, in /health and as a meter on the registry the kit hands it. */
  private static final class NodeService implements HttpService {
    private final String node;
    private Optional<MeterRegistry> registry;

    NodeService(String node) {
      this.node = node;
    }

    @Override
    public String name() {
      return "node-" + node;
    }

    @Override
    public int defaultPort() {
      return 0;
    }

    @Override
    public Future<Void> start(ServiceContext context) {
      registry = context.meterRegistry();
      registry.ifPresent(meters -> Gauge.builder("probe.node", () -> 1).tag("node", node).register(meters));
      return Future.succeededFuture();
    }

    @Override
    public void mount(Vertx vertx, Router router) {
    }

    @Override
    public Map<String, Object> health() {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("node", node);
      fields.put("status", "DOWN");
      fields.put("peers", 2);
      return fields;
    }
  }

  @Test
  void theServicesHealthFieldsFollowTheKitsStatusWhichTheyCannotChange() {
    try (RunningService service = RunningService.start(new NodeService("a"), ServiceOptions.loopback(1))) {
      HttpResponse<Buffer> response = service.get("/health");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
      assertThat(response.bodyAsString()).isEqualTo("{\"status\":\"UP\",\"node\":\"a\",\"peers\":2}");
    }
  }

  /** vertx-micrometer-metrics keeps registries per JVM by name: each server must still scrape only its own. */
  @Test
  void twoServersInOneJvmEachShowTheirOwnMeters() {
    try (RunningService a = RunningService.start(new NodeService("a"), ServiceOptions.loopback(1));
         RunningService b = RunningService.start(new NodeService("b"), ServiceOptions.loopback(1))) {
      a.get("/health");
      b.get("/health");
      b.get("/health");

      String scrapeA = a.get("/metrics").bodyAsString();
      String scrapeB = b.get("/metrics").bodyAsString();

      assertThat(scrapeA).contains("probe_node{node=\"a\"} 1.0").doesNotContain("node=\"b\"")
          .contains("vertx_http_server_requests_total{code=\"200\",method=\"GET\",route=\"/health\"} 1.0");
      assertThat(scrapeB).contains("probe_node{node=\"b\"} 1.0").doesNotContain("node=\"a\"")
          .contains("vertx_http_server_requests_total{code=\"200\",method=\"GET\",route=\"/health\"} 2.0");
    }
  }

  @Test
  void withoutMetricsTheServiceGetsNoRegistry() {
    NodeService node = new NodeService("a");
    try (RunningService service = RunningService.start(node, ServiceOptions.loopback(1).withMetrics(false))) {
      assertThat(node.registry).isEmpty();
      assertThat(service.get("/metrics").statusCode()).isEqualTo(404);
      assertThat(service.get("/health").bodyAsJsonObject()).isEqualTo(new JsonObject()
          .put("status", "UP").put("node", "a").put("peers", 2));
    }
  }
}
