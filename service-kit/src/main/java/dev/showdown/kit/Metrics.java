package dev.showdown.kit;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsOptions;

import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Prometheus registry behind {@code /metrics}: request count and latency histogram per route, method and code,
 * each label bounded ({@link MetricLabels}).
 */
final class Metrics {
  private static final String SERVER_RESPONSE_TIME = "vertx.http.server.response.time";

  /** Fixed buckets keep the scrape small: about a dozen series per route, not Micrometer's ~70. */
  private static final Duration[] LATENCY_BUCKETS = {
      Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
      Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
      Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
      Duration.ofSeconds(10)};

  private static final AtomicLong REGISTRIES = new AtomicLong();

  private Metrics() {
  }

  static PrometheusMeterRegistry newRegistry() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // Route labels are route templates (or empty when nothing matched), so the router bounds them already.
    registry.config()
        .meterFilter(MeterFilter.replaceTagValues(Label.HTTP_METHOD.toString(), MetricLabels::method))
        .meterFilter(MeterFilter.replaceTagValues(Label.HTTP_CODE.toString(), MetricLabels::code))
        .meterFilter(new LatencyBuckets());
    return registry;
  }

  private static final class LatencyBuckets implements MeterFilter {
    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
      if (!id.getName().equals(SERVER_RESPONSE_TIME)) {
        return config;
      }
      double[] nanos = new double[LATENCY_BUCKETS.length];
      for (int i = 0; i < nanos.length; i++) {
        nanos[i] = LATENCY_BUCKETS[i].toNanos();
      }
      return DistributionStatisticConfig.builder().serviceLevelObjectives(nanos).build().merge(config);
    }
  }

  /**
   * vertx-micrometer-metrics keeps its registries by name for the whole JVM and hands a Vert.x instance the one
   * already there under its name: under one shared name a second server in the JVM would record into the first
   * one's registry, and its own {@code /metrics} would stay empty. Hence a name of its own for each server.
   */
  static MicrometerMetricsOptions options() {
    MicrometerMetricsOptions options = new MicrometerMetricsOptions()
        .setRegistryName("showdown-" + REGISTRIES.incrementAndGet())
        .setLabels(EnumSet.of(Label.HTTP_ROUTE, Label.HTTP_METHOD, Label.HTTP_CODE, Label.POOL_TYPE, Label.POOL_NAME))
        .setJvmMetricsEnabled(true);
    options.setEnabled(true);
    return options;
  }
}
