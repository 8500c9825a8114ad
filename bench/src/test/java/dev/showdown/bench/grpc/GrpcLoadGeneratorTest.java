package dev.showdown.bench.grpc;

import dev.showdown.bench.load.LoadListener;
import dev.showdown.bench.result.Figure;
import dev.showdown.grpc.GrpcOptions;
import dev.showdown.grpc.UserGrpcServer;
import io.grpc.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The gRPC load client against a real grpc-service on loopback. */
class GrpcLoadGeneratorTest {
  private static UserGrpcServer server;

  @BeforeAll
  static void start() throws IOException {
    server = UserGrpcServer.start(GrpcOptions.loopback().withHttpPort(-1));
  }

  @AfterAll
  static void stop() {
    server.stop(Duration.ofSeconds(1));
  }

  private static GrpcLoadResult run(int rate, int maxId) throws Exception {
    GrpcLoad load = new GrpcLoad(8, 2, Duration.ofSeconds(1), Duration.ofMillis(300), rate, maxId);
    return new GrpcLoadGenerator(1).run("127.0.0.1", server.port(), load, LoadListener.NONE);
  }

  @Test
  void closedLoopCountsAnswersAndLatencies() throws Exception {
    GrpcLoadResult result = run(0, 10_000);

    assertThat(result.requests()).isPositive();
    assertThat(result.errors()).isZero();
    assertThat(result.seconds()).isBetween(0.9, 1.5);
    assertThat(result.percentileMillis(50)).isPositive();
    assertThat(result.figures()).extracting(Figure::name).contains(Figure.QPS, Figure.P99, Figure.LOADER_CPU_BUSY);
  }

  @Test
  void idsBeyondTheStoreAreCountedAsNotFound() throws Exception {
    GrpcLoadResult result = run(0, 20_000);

    long notFound = result.errorsByStatus().getOrDefault(Status.Code.NOT_FOUND, 0L);
    assertThat(notFound).isPositive().isLessThan(result.requests());
    assertThat(result.errorsByStatus()).containsOnlyKeys(Status.Code.NOT_FOUND);
    assertThat(result.figures()).anySatisfy(f -> {
      assertThat(f.name()).isEqualTo("status_NOT_FOUND");
      assertThat(f.value()).isEqualTo(notFound);
    });
  }

  @Test
  void constantRateSendsAboutTheRateAsked() throws Exception {
    GrpcLoadResult result = run(400, 10_000);

    assertThat(result.requests()).isBetween(250L, 500L);
    assertThat(result.errors()).isZero();
  }

  @Test
  void noServerIsAClearFailure() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    GrpcLoad load = new GrpcLoad(1, 1, Duration.ofMillis(100), Duration.ZERO, 0, 10);
    assertThatThrownBy(() -> new GrpcLoadGenerator(1).run("127.0.0.1", closedPort, load, LoadListener.NONE))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("no UserService at 127.0.0.1:" + closedPort + ": Status{code=UNAVAILABLE");
  }
}
