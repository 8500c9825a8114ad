package dev.showdown.grpc;

import dev.showdown.kit.CapturedLog;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The in-memory grpc-service over real loopback TCP, with a real grpc-netty client. */
class UserGrpcServerTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
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

  /**
   * Bytes that are not a GetUserRequest: INVALID_ARGUMENT, and instead of grpc-java's SEVERE stack trace per
   * message, one log line per kind and a count of all in /metrics.
   */
  @Test
  void malformedRequestsAreInvalidArgumentLoggedOncePerKindAndAllCounted() throws Exception {
    byte[] truncatedVarint = {0x08, (byte) 0xff};
    byte[] zeroTag = {0x00, 0x01, 0x02};
    double before = rejected("unparseable");
    try (CapturedLog log = CapturedLog.start()) {
      for (int round = 0; round < 50; round++) {
        for (byte[] malformed : List.of(truncatedVarint, zeroTag)) {
          assertThatThrownBy(() -> RawBytes.getUser(client.channel, malformed))
              .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                assertThat(e.getStatus().getDescription()).contains("userservice.v1.UserService/GetUser");
              });
        }
      }
      assertThat(client.getUser(7).getName()).isEqualTo("user7");
      assertThat(log.records()).as("log records with a stack trace").filteredOn(record -> record.getThrown() != null).isEmpty();
      assertThat(log.from(RejectedRequests.class)).hasSize(2);
    }
    assertThat(rejected("unparseable") - before).isEqualTo(100);
  }

  /** A message over --max-message-size: grpc-netty's own WARNING with a stack trace per request becomes a count. */
  @Test
  void oversizedRequestsAreResourceExhaustedLoggedOnceAndAllCounted() throws Exception {
    byte[] oversized = new byte[GrpcOptions.loopback().maxMessageSize() + 1];
    double before = rejected("bad_frame");
    try (CapturedLog log = CapturedLog.start()) {
      for (int round = 0; round < 20; round++) {
        assertThatThrownBy(() -> RawBytes.getUser(client.channel, oversized))
            .isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED));
      }
      assertThat(client.getUser(7).getName()).isEqualTo("user7");
      assertThat(log.records()).as("log records with a stack trace").filteredOn(record -> record.getThrown() != null).isEmpty();
      assertThat(log.from(RejectedRequests.class)).hasSize(1);
    }
    assertThat(rejected("bad_frame") - before).isEqualTo(20);
  }

  /** Each server counts on its own HTTP side's registry: two in one JVM (a test, the bench) do not mix their counts. */
  @Test
  void aSecondServerInTheJvmCountsOnlyItsOwnRefusals() throws Exception {
    UserGrpcServer second = UserGrpcServer.start(GrpcOptions.loopback());
    try (GrpcClient secondClient = new GrpcClient(second.port())) {
      double firstBefore = rejected("unparseable");
      for (int i = 0; i < 3; i++) {
        assertThatThrownBy(() -> RawBytes.getUser(secondClient.channel, new byte[] {0x00}))
            .isInstanceOf(StatusRuntimeException.class);
      }
      assertThat(rejected(second, "unparseable")).isEqualTo(3);
      assertThat(rejected("unparseable")).isEqualTo(firstBefore);
    } finally {
      second.stop(Duration.ofSeconds(1));
    }
  }

  private static double rejected(String reason) throws Exception {
    return rejected(server, reason);
  }

  /** {@code grpc_requests_rejected_total{reason}} as the /metrics of {@code of} shows it. */
  private static double rejected(UserGrpcServer of, String reason) throws Exception {
    HttpResponse<String> metrics = httpGet(of, "/metrics");
    Matcher count = Pattern.compile("(?m)^grpc_requests_rejected_total\\{reason=\"" + reason + "\"[^}]*} (\\S+)$")
        .matcher(metrics.body());
    assertThat(count.find()).as("grpc_requests_rejected_total{reason=%s} in /metrics", reason).isTrue();
    return Double.parseDouble(count.group(1));
  }

  @Test
  void aRedisUrlThatIsNotOneIsRefusedBeforeAnythingStarts() {
    assertThatThrownBy(() -> UserGrpcServer.start(GrpcOptions.loopback().withRedis("notaurl", Duration.ofSeconds(1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected redis://[[user]:password@]host[:port][/db], rediss://... or unix:///path, got 'notaurl'");
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
    HttpResponse<String> health = httpGet("/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
    HttpResponse<String> metrics = httpGet("/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_memory_used_bytes");
  }

  /**
   * A GET on the HTTP side over HTTP/1.1: the JDK client's default h2c upgrade was seen to wait forever for a
   * /metrics answer that curl got at once.
   */
  private static HttpResponse<String> httpGet(String path) throws IOException, InterruptedException {
    return httpGet(server, path);
  }

  private static HttpResponse<String> httpGet(UserGrpcServer of, String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + of.httpPort() + path))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
