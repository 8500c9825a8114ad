package dev.showdown.bench.grpc;

import dev.showdown.bench.load.HttpLoad;
import dev.showdown.bench.peer.Peer;
import dev.showdown.bench.peer.PeerCommand;
import dev.showdown.bench.process.ChildProcess;
import dev.showdown.bench.redis.RunRedis;
import dev.showdown.bench.result.Figure;
import dev.showdown.bench.result.Measurement;
import dev.showdown.bench.scenario.Contender;
import dev.showdown.bench.scenario.JavaService;
import dev.showdown.bench.scenario.WindowResult;
import dev.showdown.bench.scenario.Published;
import dev.showdown.bench.scenario.Scenario;
import dev.showdown.bench.scenario.SamplingListener;
import dev.showdown.bench.scenario.ScenarioContext;
import dev.showdown.bench.scenario.Target;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code userservice.v1.UserService/GetUser} under 64 concurrent calls over 4 connections: the in-memory store
 * (the standard figure), every {@code --target} (given as {@code grpc:NAME=http://host:port}), then the Redis
 * store; then every gRPC peer on both stores. Every one of them runs from the start and is measured in rounds.
 */
public final class GrpcScenario implements Scenario {
  static final String MODULE = "grpc-service";
  private static final String TOOL = "grpc-load";

  @Override
  public String name() {
    return "grpc";
  }

  @Override
  public String title() {
    return "gRPC userservice.v1.UserService/GetUser -> User{id,name,email}";
  }

  @Override
  public String standardLoad() {
    return "GetUser, random ids 1..10000, 64 concurrent calls over 4 connections, 10 s (5 s warm-up); "
        + "in-memory store, then Redis store";
  }

  @Override
  public List<String> modules() {
    return List.of(MODULE);
  }

  @Override
  public List<Published> published() {
    // The articles publish no gRPC figures.
    return List.of();
  }

  @Override
  public void run(ScenarioContext context) throws Exception {
    GrpcLoad load = effective(context);
    List<Contender> contenders = new ArrayList<>();
    addJava(context, contenders, context.startJavaServices(MODULE, "--http-port", "0"), load);
    for (Target target : context.targets()) {
      addIfVerified(context, contenders, target.name(), ScenarioContext.TARGET, target.url(), load, null);
    }
    String redis = RunRedis.prepare(context);
    addJava(context, contenders, context.startJavaServicesNamed(ScenarioContext.JAVA + " redis", MODULE + "-redis", MODULE,
        "--http-port", "0", "--redis", redis), load);
    for (Peer peer : context.peers()) {
      if (context.peerAvailable(peer)) {
        addPeer(context, contenders, peer, load, Map.of(), "");
        addPeer(context, contenders, peer, load, Map.of(PeerCommand.REDIS, redis), " redis");
      }
    }
    context.measureInRounds(contenders);
  }

  /** The Java service of one store under every JVM profile of the run, each a contender when it passes its check. */
  private static void addJava(ScenarioContext context, List<Contender> contenders, List<JavaService> services, GrpcLoad load) {
    for (JavaService java : services) {
      addIfVerified(context, contenders, java.implementation(), ScenarioContext.SERVICE, address(java.process()), load, java.process());
    }
  }

  /** A peer on its in-memory store (no {@code values}) or on the seeded Redis, as the Java service is run. */
  private static void addPeer(ScenarioContext context, List<Contender> contenders, Peer peer, GrpcLoad load,
                              Map<String, String> values, String store) {
    try {
      ChildProcess child = context.startPeer(peer.name() + store.replace(' ', '-'), peer, values);
      addIfVerified(context, contenders, peer.name() + store, ScenarioContext.PEER, address(child), load, child);
    } catch (Exception e) {
      context.recordCannotStart(peer, e);
    }
  }

  private static String address(ChildProcess child) {
    return child.address().host() + ":" + child.port();
  }

  /** The standard load, shortened under {@code --quick} and at {@code --rate} when given, as for HTTP scenarios. */
  private static GrpcLoad effective(ScenarioContext context) {
    GrpcLoad standard = GrpcLoad.standard();
    HttpLoad timing = context.effective(HttpLoad.closedLoop("/", standard.concurrency(), standard.duration()));
    return standard.withTiming(timing.duration(), timing.warmup(), timing.rate());
  }

  private static void addIfVerified(ScenarioContext context, List<Contender> contenders, String implementation, String kind,
                                    String address, GrpcLoad load, ChildProcess sampled) {
    GrpcTarget target;
    try {
      target = GrpcTarget.parse(address);
    } catch (IllegalArgumentException e) {
      context.record(Measurement.failed(implementation, kind, address, e.getMessage()));
      return;
    }
    if (context.verified(implementation, kind, address, new GrpcVerifier(implementation + " " + address, target))) {
      contenders.add(new Contender(implementation, kind, address, sampled, listener -> window(context, implementation, target, load, listener)));
    }
  }

  private static WindowResult window(ScenarioContext context, String implementation, GrpcTarget target, GrpcLoad load,
                                     SamplingListener listener) throws Exception {
    context.phase(implementation + ": grpc-load " + load.concurrency() + " calls over " + load.connections()
        + " connections, " + load.duration().toSeconds() + "s on " + target.host() + ":" + target.port());
    GrpcLoadResult result = new GrpcLoadGenerator(0).run(target.host(), target.port(), load, listener);
    if (result.requests() == 0) {
      return WindowResult.failed("no call was answered (" + result.unfinished() + " unanswered)");
    }
    Map<String, Object> settings = load.describe();
    settings.put("tool", TOOL);
    List<Figure> figures = new ArrayList<>(result.figures());
    figures.add(ScenarioContext.perCore(result.qps()));
    return WindowResult.ok(TOOL, settings, figures, result.requests());
  }
}
