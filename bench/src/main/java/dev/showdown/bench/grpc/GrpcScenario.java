package dev.showdown.bench.grpc;

import dev.showdown.bench.load.HttpLoad;
import dev.showdown.bench.peer.Peer;
import dev.showdown.bench.peer.PeerCommand;
import dev.showdown.bench.process.ChildProcess;
import dev.showdown.bench.redis.RunRedis;
import dev.showdown.bench.result.Figure;
import dev.showdown.bench.result.Measurement;
import dev.showdown.bench.scenario.Published;
import dev.showdown.bench.scenario.Scenario;
import dev.showdown.bench.scenario.SamplingListener;
import dev.showdown.bench.scenario.ScenarioContext;
import dev.showdown.bench.scenario.Target;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code userservice.v1.UserService/GetUser} under 64 concurrent calls over 4 connections: the in-memory store
 * (the standard figure), every {@code --target} (given as {@code grpc:NAME=http://host:port}), then the Redis
 * store; then every gRPC peer on both stores.
 */
public final class GrpcScenario implements Scenario {
  static final String MODULE = "grpc-service";

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
    try (ChildProcess memory = context.startService(MODULE, "--http-port", "0")) {
      measure(context, ScenarioContext.JAVA, ScenarioContext.SERVICE, memory.address().host() + ":" + memory.port(), load, memory);
    }
    for (Target target : context.targets()) {
      measure(context, target.name(), ScenarioContext.TARGET, target.url(), load, null);
    }
    String redis = RunRedis.prepare(context);
    try (ChildProcess redisBacked = context.startService(MODULE, "--http-port", "0", "--redis", redis)) {
      measure(context, ScenarioContext.JAVA + " redis", ScenarioContext.SERVICE,
          redisBacked.address().host() + ":" + redisBacked.port(), load, redisBacked);
    }
    for (Peer peer : context.peers()) {
      if (context.peerAvailable(peer)) {
        measurePeer(context, peer, load, Map.of(), "");
        measurePeer(context, peer, load, Map.of(PeerCommand.REDIS, redis), " redis");
      }
    }
  }

  /** A peer on its in-memory store (no {@code values}) or on the seeded Redis, as the Java service is run. */
  private static void measurePeer(ScenarioContext context, Peer peer, GrpcLoad load, Map<String, String> values, String store) {
    String implementation = peer.name() + store;
    try (ChildProcess child = context.startPeer(peer.name() + store.replace(' ', '-'), peer, values)) {
      measure(context, implementation, ScenarioContext.PEER, child.address().host() + ":" + child.port(), load, child);
    } catch (Exception e) {
      context.recordCannotStart(peer, e);
    }
  }

  /** The standard load, shortened under {@code --quick} and at {@code --rate} when given, as for HTTP scenarios. */
  private static GrpcLoad effective(ScenarioContext context) {
    GrpcLoad standard = GrpcLoad.standard();
    HttpLoad timing = context.effective(HttpLoad.closedLoop("/", standard.concurrency(), standard.duration()));
    return standard.withTiming(timing.duration(), timing.warmup(), timing.rate());
  }

  private static void measure(ScenarioContext context, String implementation, String kind, String address,
                              GrpcLoad load, ChildProcess sampled) {
    GrpcTarget target;
    try {
      target = GrpcTarget.parse(address);
    } catch (IllegalArgumentException e) {
      context.record(Measurement.failed(implementation, kind, address, e.getMessage()));
      return;
    }
    if (!context.verified(implementation, kind, address, new GrpcVerifier(implementation + " " + address, target))) {
      return;
    }
    context.phase(implementation + ": grpc-load " + load.concurrency() + " calls over " + load.connections()
        + " connections, " + load.duration().toSeconds() + "s on " + address);
    SamplingListener window = context.samplingListener(implementation, sampled);
    Map<String, Object> settings = load.describe();
    settings.put("tool", "grpc-load");
    Measurement measurement;
    try {
      GrpcLoadResult result = new GrpcLoadGenerator(0).run(target.host(), target.port(), load, window);
      measurement = measurement(implementation, kind, address, settings, result, window.usage(), sampled);
    } catch (Exception e) {
      window.stop();
      String reason = e.getMessage() == null ? e.toString() : e.getMessage();
      if (sampled != null && !sampled.isAlive()) {
        reason = sampled.name() + " died during the load" + sampled.lastLines();
      }
      measurement = Measurement.failed(implementation, kind, address, reason);
    }
    context.record(measurement);
    context.phase(implementation + ": " + summary(measurement));
  }

  private static Measurement measurement(String implementation, String kind, String address, Map<String, Object> settings,
                                         GrpcLoadResult result, dev.showdown.bench.process.ResourceSampler.Usage usage,
                                         ChildProcess sampled) {
    if (sampled != null && !sampled.isAlive()) {
      return new Measurement(implementation, kind, address, "grpc-load", settings, Measurement.FAILED,
          sampled.name() + " died during the load" + sampled.lastLines(), List.of(), Map.of());
    }
    if (result.requests() == 0) {
      return new Measurement(implementation, kind, address, "grpc-load", settings, Measurement.FAILED,
          "no call was answered (" + result.unfinished() + " unanswered)", List.of(), Map.of());
    }
    List<Figure> figures = new ArrayList<>(result.figures());
    figures.add(Figure.of(Figure.QPS_PER_CORE, result.qps() / Runtime.getRuntime().availableProcessors(), Figure.REQ_PER_S));
    figures.addAll(ScenarioContext.resourceFigures(usage));
    return new Measurement(implementation, kind, address, "grpc-load", settings, Measurement.OK, null, figures,
        ScenarioContext.notes(sampled));
  }

  private static String summary(Measurement m) {
    if (!m.ok()) {
      return "FAILED: " + m.reason();
    }
    return String.format(Locale.ROOT, "%,.0f req/s, p50 %.2f ms, p99 %.2f ms, errors %.0f, client %.2f cores%s",
        value(m, Figure.QPS), value(m, Figure.P50), value(m, Figure.P99), value(m, Figure.ERRORS), value(m, Figure.LOADER_CPU_BUSY),
        m.figure(Figure.RSS_PEAK).map(f -> String.format(Locale.ROOT, ", RSS peak %.0f MB", f.value())).orElse(""));
  }

  private static double value(Measurement m, String name) {
    return m.figure(name).map(Figure::value).orElse(Double.NaN);
  }
}
