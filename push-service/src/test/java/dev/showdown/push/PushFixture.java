package dev.showdown.push;

import dev.showdown.kit.NetTransport;
import dev.showdown.kit.RunningService;
import dev.showdown.kit.ServiceOptions;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** One push service on loopback (two event loops) and a Vert.x for the test's clients, both closed after each test. */
final class PushFixture implements AfterEachCallback {
  private final Vertx clients = Vertx.vertx();
  private RunningService running;
  private PushService service;

  void start(PushSettings settings) {
    start(settings, NetTransport.NATIVE);
  }

  void start(PushSettings settings, NetTransport transport) {
    start(settings, ServiceOptions.loopback(2).withTransport(transport));
  }

  void start(PushSettings settings, ServiceOptions options) {
    service = new PushService(settings, "127.0.0.1");
    running = RunningService.start(service, options);
  }

  Vertx clients() {
    return clients;
  }

  RunningService running() {
    return running;
  }

  PushService service() {
    return service;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    try {
      if (running != null) {
        running.close();
      }
    } finally {
      clients.close().await();
    }
  }
}
