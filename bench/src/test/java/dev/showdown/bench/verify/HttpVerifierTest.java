package dev.showdown.bench.verify;

import dev.showdown.bench.logparse.TestLogs;
import dev.showdown.bench.redis.EmbeddedRedis;
import dev.showdown.bench.redis.RedisSeeder;
import dev.showdown.bench.redis.RunRedis;
import dev.showdown.bench.upstream.UpstreamStub;
import dev.showdown.data.DataService;
import dev.showdown.data.DataSettings;
import dev.showdown.fib.FibService;
import dev.showdown.kit.HttpService;
import dev.showdown.kit.ServiceOptions;
import dev.showdown.kit.ServiceServer;
import dev.showdown.logparse.LogparseService;
import dev.showdown.ping.PingService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP checks pass on every real Java service (data and user on a seeded embedded Redis and the upstream
 * stub), and each fails, naming the first difference, on a stand-in that gets one thing of the contract wrong.
 */
class HttpVerifierTest {
  private static final String JSON = "application/json";
  private static final List<ServiceServer> SERVERS = new ArrayList<>();
  private static EmbeddedRedis redis;
  private static UpstreamStub upstream;
  private static String ping;
  private static String fib;
  private static String data;
  private static String logparse;

  @BeforeAll
  static void start() {
    redis = EmbeddedRedis.start();
    RedisSeeder.seed(redis.url(), RunRedis.STANDARD_COUNT);
    upstream = UpstreamStub.start("127.0.0.1", 0, 0, 1);
    ping = start(new PingService());
    fib = start(new FibService(2, 8, 40));
    data = start(new DataService(DataSettings.of(upstream.url(), redis.url())));
    logparse = start(new LogparseService(2, 1L << 30, 1 << 20, 64L << 20));
  }

  private static String start(HttpService service) {
    ServiceServer server = ServiceServer.start(service, ServiceOptions.loopback(1)).await();
    SERVERS.add(server);
    return "http://127.0.0.1:" + server.port();
  }

  @AfterAll
  static void stop() throws Exception {
    for (ServiceServer server : SERVERS) {
      server.stop(Duration.ofSeconds(1)).await();
    }
    upstream.close();
    redis.close();
  }

  @Test
  void passesOnEveryJavaService() {
    for (Verification verification : List.of(
        verify(ping, HttpContracts.ping()),
        verify(fib, HttpContracts.fib()),
        verify(data, HttpContracts.data()),
        verify(data, HttpContracts.user()),
        verify(logparse, HttpContracts.logparse(TestLogs.standard())))) {
      assertThat(verification.passed()).as(String.join("\n", verification.lines())).isTrue();
    }
  }

  @Test
  void aPingBodyThatIsJsonButNotTheExactBytesFails() throws Exception {
    try (WrongStandIn wrong = WrongStandIn.proxying(ping).answering("GET /ping", 200, JSON, "{\"message\": \"pong\"}")) {
      assertFirstFailure(verify(wrong.url(), HttpContracts.ping()), "GET /ping", "{\"message\": \"pong\"}");
    }
  }

  @Test
  void theRightBodyAsPlainTextFails() throws Exception {
    try (WrongStandIn wrong = WrongStandIn.proxying(ping).answering("GET /ping", 200, "text/plain", "{\"message\":\"pong\"}")) {
      assertFirstFailure(verify(wrong.url(), HttpContracts.ping()), "GET /ping", "text/plain");
    }
  }

  @Test
  void aNonJsonNotFoundFails() throws Exception {
    try (WrongStandIn wrong = WrongStandIn.proxying(ping)
        .answering("GET /no-such-route", 404, "text/plain", "404 page not found")) {
      assertFirstFailure(verify(wrong.url(), HttpContracts.ping()), "GET /no-such-route", "404 page not found");
    }
  }

  @Test
  void anAnswerWhereTheContractSays400Fails() throws Exception {
    try (WrongStandIn wrong = WrongStandIn.proxying(fib).answering("GET /fib/41", 200, JSON, "{\"result\":165580141}")) {
      Verification verification = verify(wrong.url(), HttpContracts.fib());
      assertFirstFailure(verification, "GET /fib/41", "{\"result\":165580141}");
      assertThat(verification.reason()).contains("expected 400, application/json, JSON {\"error\":\"<reason>\"}");
    }
  }

  @Test
  void aMethodNotAllowedWithoutAnErrorFieldFails() throws Exception {
    try (WrongStandIn wrong = WrongStandIn.proxying(fib)
        .answering("POST /fib/35", 405, JSON, "{\"detail\":\"Method Not Allowed\"}")) {
      assertFirstFailure(verify(wrong.url(), HttpContracts.fib()), "POST /fib/35", "detail");
    }
  }

  @Test
  void aDataAnswerWithTheWrongCacheValueFails() throws Exception {
    String wrongCache = "{\"api\":" + dev.showdown.bench.upstream.ItemBody.json(1) + ",\"cache\":\"cached-2\"}";
    try (WrongStandIn wrong = WrongStandIn.proxying(data).answering("GET /data/1", 200, JSON, wrongCache)) {
      assertFirstFailure(verify(wrong.url(), HttpContracts.data()), "GET /data/1", "cached-2");
    }
  }

  @Test
  void anAbsentUserWithAnotherReasonFails() throws Exception {
    try (WrongStandIn wrong = WrongStandIn.proxying(data)
        .answering("GET /user/" + (RunRedis.STANDARD_COUNT + 1), 404, JSON, "{\"error\":\"no such user\"}")) {
      assertFirstFailure(verify(wrong.url(), HttpContracts.user()), "GET /user/10001", "no such user");
    }
  }

  @Test
  void aRefusedConnectionFailsEveryCheckWithoutThrowing() {
    Verification verification = verify("http://127.0.0.1:1", HttpContracts.ping());
    assertThat(verification.passed()).isFalse();
    assertThat(verification.checks()).allSatisfy(check -> assertThat(check.got()).startsWith("no answer"));
  }

  private static Verification verify(String url, List<HttpCase> contract) {
    return new HttpVerifier("test " + url, url, contract).verify();
  }

  private static void assertFirstFailure(Verification verification, String check, String got) {
    assertThat(verification.passed()).isFalse();
    Check first = verification.firstFailure().orElseThrow();
    assertThat(first.name()).as(String.join("\n", verification.lines())).isEqualTo(check);
    assertThat(first.got()).contains(got);
    assertThat(verification.checks().stream().filter(c -> !c.passed())).as("only the stand-in's one difference").hasSize(1);
  }
}
