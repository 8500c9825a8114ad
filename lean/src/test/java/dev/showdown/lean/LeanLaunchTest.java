package dev.showdown.lean;

import dev.showdown.kit.TestRedis;
import dev.showdown.proto.userservice.v1.GetUserRequest;
import dev.showdown.proto.userservice.v1.User;
import dev.showdown.proto.userservice.v1.UserServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import redis.clients.jedis.Jedis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every service, started as its own JVM under the lean flag files exactly as the README says to launch it,
 * comes up with those flags in force and answers its contract's basic request.
 */
class LeanLaunchTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final String[] LOOPBACK = {"--host", "127.0.0.1", "--port", "0"};

  private static LeanArgfiles argfiles;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  @BeforeAll
  static void argfiles() {
    argfiles = LeanArgfiles.forJdk(Path.of(System.getProperty("showdown.root")), Runtime.version().feature());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "ping-service | dev.showdown.ping.Main | /ping   | {\"message\":\"pong\"}",
      "fib-service  | dev.showdown.fib.Main  | /fib/30 | {\"result\":832040}"})
  void answersGet(String service, String mainClass, String path, String body) throws Exception {
    try (LeanService lean = LeanService.start(argfiles, mainClass, LOOPBACK)) {
      assertGetAnswers(lean, service, path, body);
    }
  }

  @Test
  void user() throws Exception {
    String stored = "{\"id\":1,\"name\":\"user1\",\"email\":\"user1@example.com\"}";
    try (TestRedis redis = TestRedis.start()) {
      try (Jedis jedis = new Jedis("127.0.0.1", redis.port())) {
        jedis.set("user:1", stored);
      }
      try (LeanService data = LeanService.start(argfiles, "dev.showdown.data.Main",
          // A cold C1-only JVM on a busy machine can take longer than the default 1 s for its first Redis reply.
          "--host", "127.0.0.1", "--port", "0", "--redis", redis.url(), "--redis-timeout", "20s")) {
        assertGetAnswers(data, "data-service", "/user/1", stored);
      }
    }
  }

  @Test
  void logparse() throws Exception {
    String logs = "{\"user_id\":\"a\"}\n{\"user_id\":\"b\"}\n{\"user_id\":\"a\"}\nnot json\n";
    try (LeanService logparse = LeanService.start(argfiles, "dev.showdown.logparse.Main", LOOPBACK)) {
      int port = logparse.port("logparse-service listening on");
      HttpResponse<String> counted = http.send(HttpRequest.newBuilder(uri(port, "/uv")).timeout(TIMEOUT)
          .POST(HttpRequest.BodyPublishers.ofString(logs)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(counted.statusCode()).isEqualTo(200);
      assertThat(counted.body()).contains("\"lines\":4", "\"uv\":2", "\"errors\":1");
      assertLeanFlags(logparse);
    }
  }

  @Test
  void push() throws Exception {
    try (LeanService push = LeanService.start(argfiles, "dev.showdown.push.Main",
        "--host", "127.0.0.1", "--port", "0", "--tcp-port", "0", "--interval", "200ms")) {
      int tcpPort = push.port("push-service tcp listening on");
      try (Socket socket = new Socket("127.0.0.1", tcpPort)) {
        socket.setSoTimeout((int) TIMEOUT.toMillis());
        String message = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
            .readLine();
        assertThat(message).hasSize(100).startsWith("{\"seq\":");
      }
      assertLeanFlags(push);
    }
  }

  @Test
  void grpc() throws Exception {
    try (LeanService grpc = LeanService.start(argfiles, "dev.showdown.grpc.Main",
        "--host", "127.0.0.1", "--port", "0", "--http-port", "-1")) {
      ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", grpc.port("grpc-service listening on"))
          .usePlaintext().build();
      try {
        User user = UserServiceGrpc.newBlockingStub(channel).withDeadlineAfter(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
            .getUser(GetUserRequest.newBuilder().setUserId(7).build());
        assertThat(user.getName()).isEqualTo("user7");
        assertThat(user.getEmail()).isEqualTo("user7@example.com");
      } finally {
        channel.shutdownNow().awaitTermination(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
      assertLeanFlags(grpc);
    }
  }

  /** {@code GET path} answers 200 with exactly {@code body}, and the lean flags are in force. */
  private void assertGetAnswers(LeanService lean, String service, String path, String body) throws Exception {
    HttpResponse<String> answer = http.send(
        HttpRequest.newBuilder(uri(lean.port(service + " listening on"), path)).timeout(TIMEOUT).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo(body);
    assertLeanFlags(lean);
  }

  /** The launcher expanded the flag files: every flag in them reached the service's JVM. */
  private static void assertLeanFlags(LeanService service) throws IOException {
    assertThat(service.reportedJvmFlags().split(", ")).contains(argfiles.flags().toArray(String[]::new));
  }

  private static URI uri(int port, String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
