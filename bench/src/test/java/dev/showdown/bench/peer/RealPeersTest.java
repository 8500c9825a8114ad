package dev.showdown.bench.peer;

import dev.showdown.bench.grpc.GrpcTarget;
import dev.showdown.bench.grpc.GrpcVerifier;
import dev.showdown.bench.load.LoadDrivers;
import dev.showdown.bench.logparse.TestLogs;
import dev.showdown.bench.logparse.UvVerifier;
import dev.showdown.bench.process.ChildProcess;
import dev.showdown.bench.process.JvmLauncher;
import dev.showdown.bench.process.ServiceLocation;
import dev.showdown.bench.push.PushTarget;
import dev.showdown.bench.push.PushVerifier;
import dev.showdown.bench.redis.EmbeddedRedis;
import dev.showdown.bench.redis.RedisSeeder;
import dev.showdown.bench.redis.RunRedis;
import dev.showdown.bench.run.RepoRoot;
import dev.showdown.bench.scenario.Progress;
import dev.showdown.bench.scenario.RunSettings;
import dev.showdown.bench.scenario.ScenarioContext;
import dev.showdown.bench.scenario.Scenarios;
import dev.showdown.bench.upstream.UpstreamStub;
import dev.showdown.bench.verify.HttpContracts;
import dev.showdown.bench.verify.HttpVerifier;
import dev.showdown.bench.verify.Verification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every real peer of the catalog, started as {@code bench run --peers} starts it (from the repository root, ready
 * line, {@code /health}), passes its scenario's contract checks and leaves no process behind. A peer whose
 * toolchain is missing here is skipped with the command that installs it.
 */
class RealPeersTest {
  private static EmbeddedRedis redis;
  private static UpstreamStub upstream;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    redis = EmbeddedRedis.start();
    RedisSeeder.seed(redis.url(), RunRedis.STANDARD_COUNT);
    upstream = UpstreamStub.start("127.0.0.1", 0, 0, 1);
  }

  @AfterAll
  static void stop() throws Exception {
    upstream.close();
    redis.close();
  }

  static Stream<Named<Peer>> peers() {
    return PeerCatalog.all().stream().map(peer -> Named.of(peer.label(), peer));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("peers")
  void passesTheContractAndLeavesNothingBehind(Peer peer) throws Exception {
    Peers peers = new Peers(List.of(peer), RepoRoot.find());
    String unavailable = peers.unavailable(peer);
    assumeTrue(unavailable == null, unavailable);
    List<ProcessHandle> started = new ArrayList<>();
    try (ScenarioContext context = context(peer, peers)) {
      for (Verification verification : verify(context, peer, started)) {
        assertThat(verification.passed()).as(String.join("\n", verification.lines())).isTrue();
      }
    }
    assertThat(started).allSatisfy(p -> assertThat(p.onExit()).succeedsWithin(Duration.ofSeconds(15)));
  }

  private List<Verification> verify(ScenarioContext context, Peer peer, List<ProcessHandle> started) throws Exception {
    switch (peer.kind()) {
      case HTTP -> {
        ChildProcess child = started(context.startPeer(peer.name(), peer,
            Map.of(PeerCommand.REDIS, redis.url(), PeerCommand.UPSTREAM, upstream.url())), started);
        return List.of(http(child, HttpContracts.ping()), http(child, HttpContracts.fib()), http(child, HttpContracts.data()),
            http(child, HttpContracts.user()));
      }
      case PUSH -> {
        int tcpPort = freePort();
        ChildProcess child = started(context.startPeer(peer.name(), peer,
            Map.of(PeerCommand.TCP_PORT, Integer.toString(tcpPort), PeerCommand.INTERVAL, "200ms")), started);
        return List.of(new PushTarget(false, "127.0.0.1", tcpPort, ""), new PushTarget(true, "127.0.0.1", child.port(), "/push"))
            .stream().map(target -> new PushVerifier(peer.name(), target, Duration.ofSeconds(5)).verify()).toList();
      }
      case GRPC -> {
        ChildProcess child = started(context.startPeer(peer.name(), peer, Map.of()), started);
        return List.of(new GrpcVerifier(peer.name(), new GrpcTarget("127.0.0.1", child.port())).verify());
      }
      default -> {
        List<String> command = context.peerCommand(peer, Map.of(PeerCommand.FILE, TestLogs.standard().toString()));
        return List.of(new UvVerifier(peer.name(), command, context.repoRoot(), dir.resolve("uv.log")).verify());
      }
    }
  }

  private static ChildProcess started(ChildProcess child, List<ProcessHandle> started) {
    ProcessHandle.of(child.pid()).ifPresent(started::add);
    ProcessHandle.of(child.pid()).ifPresent(p -> p.descendants().forEach(started::add));
    return child;
  }

  private static Verification http(ChildProcess child, List<dev.showdown.bench.verify.HttpCase> contract) {
    return new HttpVerifier(child.name(), child.url(), contract).verify();
  }

  private ScenarioContext context(Peer peer, Peers peers) {
    RunSettings settings = new RunSettings(new JvmLauncher(JvmLauncher.currentJava(), List.of(), ServiceLocation.classPath(Map.of())),
        new LoadDrivers(LoadDrivers.BUILTIN), dir, true, 0, List.of(), new Progress(System.err, false), null, 0, peers, 0);
    return new ScenarioContext(Scenarios.named(peer.kind().scenarios().get(0)).orElseThrow(), settings);
  }

  private static int freePort() throws Exception {
    try (ServerSocket probe = new ServerSocket(0)) {
      return probe.getLocalPort();
    }
  }
}
