package dev.showdown.kit;

import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Port 0: one port per service, bound once and shared by every event loop's server, whatever else binds meanwhile. */
class SharedPortTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void everyEventLoopsServerAcceptsOnTheOnePort() {
    int loops = 3;
    try (RunningService service = RunningService.start(new ServiceServerTest.ProbeService(),
        ServiceOptions.loopback(loops))) {
      Set<String> threads = new HashSet<>();
      // Vert.x hands accepted connections to the servers sharing the socket in turn: one connection each.
      for (int connection = 0; connection < loops; connection++) {
        try (RawHttp socket = RawHttp.connect(service.port())) {
          threads.add(socket.send("GET /loop HTTP/1.1\r\nHost: x\r\n\r\n").read(WAIT).body());
        }
      }
      assertThat(service.server().eventLoops()).isEqualTo(loops);
      assertThat(threads).hasSize(loops);
    }
  }

  @Test
  void manyServicesStartedAtOnceOnPortZeroAllBindPortsOfTheirOwn() {
    List<Future<ServiceServer>> starts = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      starts.add(ServiceServer.start(new ServiceServerTest.ProbeService(), ServiceOptions.loopback(2)));
    }
    try {
      Future.join(starts).await();
      Set<Integer> ports = new HashSet<>();
      for (Future<ServiceServer> start : starts) {
        ports.add(start.result().port());
      }
      assertThat(ports).hasSize(starts.size()).allSatisfy(port -> assertThat(port).isPositive());
    } finally {
      for (Future<ServiceServer> start : starts) {
        if (start.succeeded()) {
          start.result().stop(Duration.ofSeconds(1)).await();
        }
      }
    }
  }
}
