package dev.showdown.kit;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;

import java.util.Optional;

/** What the kit has set up for a service by the time it calls {@link HttpService#start(ServiceContext)}. */
public final class ServiceContext {
  private final Vertx vertx;
  private final MeterRegistry meterRegistry;

  ServiceContext(Vertx vertx, MeterRegistry meterRegistry) {
    this.vertx = vertx;
    this.meterRegistry = meterRegistry;
  }

  public Vertx vertx() {
    return vertx;
  }

  /**
   * The registry this server's {@code /metrics} shows, for the service's own meters; empty with
   * {@code --metrics false}. Each server has its own, so two in one JVM (a test's cluster) keep theirs apart.
   */
  public Optional<MeterRegistry> meterRegistry() {
    return Optional.ofNullable(meterRegistry);
  }
}
