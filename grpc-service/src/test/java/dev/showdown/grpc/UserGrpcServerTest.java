package dev.showdown.grpc;

import dev.showdown.kit.NetTransport;
import dev.showdown.proto.userservice.v1.User;
import dev.showdown.proto.userservice.v1.UserServiceGrpc;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import io.netty.channel.uring.IoUring;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The in-memory grpc-service over real loopback TCP, with a real grpc-netty client. */
class UserGrpcServerTest {
  private static UserGrpcServer server;
  private static GrpcClient client;

  @BeforeAll
  static void start() throws IOException {
    server = UserGrpcServer.start(GrpcOptions.loopback());
    client = new GrpcClient(server.port());
  }

  @AfterAll
  static void stop() throws InterruptedException {
    client.close();
    server.stop(Duration.ofSeconds(1));
  }

  @Test
  void servesOnIoUringWhereTheKernelAllowsIt() throws Exception {
    assumeTrue(IoUring.isAvailable(), "io_uring unavailable here");
    UserGrpcServer onIoUring = UserGrpcServer.start(GrpcOptions.loopback().withTransport(NetTransport.IO_URING));
    try (GrpcClient uringClient = new GrpcClient(onIoUring.port())) {
      assertThat(onIoUring.transport()).isEqualTo("io_uring");
      assertThat(uringClient.getUser(7).getName()).isEqualTo("user7");
    } finally {
      onIoUring.stop(Duration.ofSeconds(1));
    }
  }

  @Test
  void answersGeneratedUsersAtBothEndsOfTheRange() {
    assertThat(client.getUser(1)).isEqualTo(User.newBuilder().setId(1).setName("user1").setEmail("user1@example.com").build());
    assertThat(client.getUser(10_000).getEmail()).isEqualTo("user10000@example.com");
  }

  @Test
  void nonPositiveIdIsInvalidArgument() {
    client.assertFails(0, Status.Code.INVALID_ARGUMENT, "user_id must be a positive integer, got 0");
    client.assertFails(Long.MIN_VALUE, Status.Code.INVALID_ARGUMENT, "got " + Long.MIN_VALUE);
  }

  @Test
  void unknownIdIsNotFound() {
    client.assertFails(10_001, Status.Code.NOT_FOUND, "user 10001 not found");
    client.assertFails(Long.MAX_VALUE, Status.Code.NOT_FOUND, "user " + Long.MAX_VALUE + " not found");
  }

  /** grpc-java answers a request it cannot parse with UNKNOWN before the service sees it; the server goes on. */
  @Test
  void malformedRequestIsRejectedAndTheServerKeepsServing() {
    byte[] truncatedVarint = {0x08, (byte) 0xff};
    assertThatThrownBy(() -> RawBytes.getUser(client.channel, truncatedVarint))
        .isInstanceOfSatisfying(StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNKNOWN));
    assertThat(client.getUser(7).getName()).isEqualTo("user7");
  }

  @Test
  void aRedisUrlThatIsNotOneIsRefusedBeforeAnythingStarts() {
    assertThatThrownBy(() -> UserGrpcServer.start(GrpcOptions.loopback().withRedis("notaurl", Duration.ofSeconds(1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--redis must look like redis://host:port, not 'notaurl'");
  }

  @Test
  void healthIsServingForTheServerAndForUserService() {
    HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(client.channel).withDeadlineAfter(5, TimeUnit.SECONDS);
    assertThat(health.check(HealthCheckRequest.getDefaultInstance()).getStatus()).isEqualTo(ServingStatus.SERVING);
    assertThat(health.check(HealthCheckRequest.newBuilder().setService(UserServiceGrpc.SERVICE_NAME).build()).getStatus())
        .isEqualTo(ServingStatus.SERVING);
  }

  @Test
  void reflectionListsUserService() throws Exception {
    CompletableFuture<ServerReflectionResponse> answer = new CompletableFuture<>();
    StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(client.channel)
        .withDeadlineAfter(5, TimeUnit.SECONDS)
        .serverReflectionInfo(new StreamObserver<>() {
          @Override
          public void onNext(ServerReflectionResponse response) {
            answer.complete(response);
          }

          @Override
          public void onError(Throwable t) {
            answer.completeExceptionally(t);
          }

          @Override
          public void onCompleted() {
          }
        });
    requests.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
    requests.onCompleted();
    List<String> services = answer.get(5, TimeUnit.SECONDS).getListServicesResponse().getServiceList().stream()
        .map(ServiceResponse::getName).toList();
    assertThat(services).contains("userservice.v1.UserService", "grpc.health.v1.Health");
  }

  @Test
  void httpSideServesHealthAndMetrics() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + "/health")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
    HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_memory_used_bytes");
  }
}
