package dev.showdown.bench.push;

import dev.showdown.bench.peer.Peer;
import dev.showdown.bench.peer.PeerCommand;
import dev.showdown.bench.process.ChildProcess;
import dev.showdown.bench.process.ResourceSampler;
import dev.showdown.bench.result.Figure;
import dev.showdown.bench.result.Measurement;
import dev.showdown.bench.scenario.Published;
import dev.showdown.bench.scenario.Scenario;
import dev.showdown.bench.scenario.ScenarioContext;
import dev.showdown.bench.scenario.Target;
import dev.showdown.kit.Durations;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * 10,000 long connections on one push node for 65 s at a 10 s interval, once over TCP and once over WebSocket,
 * on the Java service and then every push peer: held, lost, delivery latency from the tick's ts, the node's
 * RSS, and the Java service's live heap per connection.
 */
public final class PushScenario implements Scenario {
  static final String MODULE = "push-service";
  /** The interval of the instance the bench checks before measuring its own service. */
  static final Duration VERIFY_INTERVAL = Duration.ofMillis(200);
  /** Two pushes at {@link #VERIFY_INTERVAL}, with room for a busy machine. */
  static final Duration VERIFY_WAIT = Duration.ofSeconds(5);
  /** A push endpoint the bench did not start pushes at its own interval: two standard ones and a margin. */
  private static final int BIND_ATTEMPTS = 3;
  static final Duration UNKNOWN_INTERVAL_WAIT = PushLoad.STANDARD_INTERVAL.multipliedBy(2).plusSeconds(5);

  @Override
  public String name() {
    return "push";
  }

  @Override
  public String title() {
    return "10,000 long connections, a 100-byte push every 10 s (TCP and WebSocket)";
  }

  @Override
  public String standardLoad() {
    return "10,000 connections held 65 s, push every 10 s, one node; TCP then WebSocket";
  }

  @Override
  public List<String> modules() {
    return List.of(MODULE);
  }

  @Override
  public List<Published> published() {
    return List.of(
        Published.of("article B", "2C4G, 10k connections, 100 B every 10 s", 2, "PyPy asyncio",
            Figure.of("connections", 8_000, Figure.COUNT), Figure.of(Figure.RSS_PEAK, 450, Figure.MB),
            Figure.of(Figure.P99, 320, Figure.MS)),
        Published.of("article B", "2C4G, 10k connections, 100 B every 10 s", 2, "Go",
            Figure.of("connections", 50_000, Figure.COUNT), Figure.of(Figure.RSS_PEAK, 65, Figure.MB),
            Figure.of(Figure.P99, 18, Figure.MS)));
  }

  @Override
  public void run(ScenarioContext context) throws Exception {
    PushLoad load = standardLoad(context.quick(), PushLoad.STANDARD_CONNECTIONS);
    measureNode(context, ScenarioContext.JAVA, ScenarioContext.SERVICE, load, (name, tcpPort, interval) ->
        context.startServiceNamed(name, MODULE, "--tcp-port", Integer.toString(tcpPort),
            "--interval", interval.toMillis() + "ms", "--max-connections", "20000"));
    for (Peer peer : context.peers()) {
      if (!context.peerAvailable(peer)) {
        continue;
      }
      try {
        measureNode(context, peer.name(), ScenarioContext.PEER, load, (name, tcpPort, interval) -> context.startPeer(name, peer,
            Map.of(PeerCommand.TCP_PORT, Integer.toString(tcpPort), PeerCommand.INTERVAL, Durations.format(interval))));
      } catch (Exception e) {
        context.recordCannotStart(peer, e);
      }
    }
    for (Target other : context.targets()) {
      PushTarget ws = PushTarget.parse(other.url().replaceFirst("^http", "ws") + "/push");
      String implementation = other.name() + " websocket";
      if (context.verified(implementation, ScenarioContext.TARGET, ws.url(),
          new PushVerifier(implementation + " " + ws.url(), ws, UNKNOWN_INTERVAL_WAIT))) {
        measure(context, implementation, ScenarioContext.TARGET, ws, load, null);
      }
    }
  }

  /** Starts one push node (the Java service or a peer) on a TCP port of its own with the interval given. */
  @FunctionalInterface
  interface Node {
    ChildProcess start(String name, int tcpPort, Duration interval) throws Exception;
  }

  /**
   * Checks a node on both protocols, on an instance of its own started with a short interval (two pushes take
   * a second instead of two standard intervals), then measures each protocol that passed on a fresh instance.
   */
  private static void measureNode(ScenarioContext context, String implementation, String kind, PushLoad load, Node node)
      throws Exception {
    boolean[] passed = new boolean[2];
    Started probe = startOnFreePort(node, implementation + "-verify", VERIFY_INTERVAL);
    try (ChildProcess child = probe.child()) {
      for (PushTarget target : targets(child, probe.tcpPort())) {
        String row = implementation + " " + target.protocol();
        passed[target.webSocket() ? 1 : 0] = context.verified(row, kind, target.url(),
            new PushVerifier(row + " " + target.url(), target, VERIFY_WAIT));
      }
    }
    for (boolean webSocket : new boolean[] {false, true}) {
      if (!passed[webSocket ? 1 : 0]) {
        continue;
      }
      String protocol = webSocket ? "websocket" : "tcp";
      Started started = startOnFreePort(node, implementation + "-" + protocol, load.interval());
      try (ChildProcess instance = started.child()) {
        PushTarget target = targets(instance, started.tcpPort()).get(webSocket ? 1 : 0);
        measure(context, implementation + " " + protocol, kind, target, load, instance);
      }
    }
  }

  private record Started(ChildProcess child, int tcpPort) {
  }

  /**
   * Starts a node on a TCP port found free; on a machine where other processes open thousands of connections
   * the port may be taken before the node binds it, so a bind failure is retried on another.
   */
  private static Started startOnFreePort(Node node, String name, Duration interval) throws Exception {
    for (int attempt = 1; ; attempt++) {
      int tcpPort = freePort();
      try {
        return new Started(node.start(name, tcpPort, interval), tcpPort);
      } catch (IOException e) {
        if (attempt == BIND_ATTEMPTS || e.getMessage() == null || !e.getMessage().contains("Address already in use")) {
          throw e;
        }
      }
    }
  }

  /** A node's TCP and WebSocket endpoints. */
  private static List<PushTarget> targets(ChildProcess node, int tcpPort) {
    String host = node.address().host();
    return List.of(new PushTarget(false, host, tcpPort, ""), new PushTarget(true, host, node.port(), "/push"));
  }

  static PushLoad standardLoad(boolean quick, int connections) {
    return quick
        ? new PushLoad(Math.min(connections, 1_000), Duration.ofSeconds(6), Duration.ofSeconds(2), 1, 1, 256, 2)
        : new PushLoad(connections, PushLoad.STANDARD_HOLD, PushLoad.STANDARD_INTERVAL, 1,
            PushLoad.sourcesFor(connections), 256, Runtime.getRuntime().availableProcessors());
  }

  /**
   * Runs the client in this JVM against {@code target}; samples {@code sampled} when it is ours, and weighs its
   * live heap and reads its fan-out floor when it is the Java service.
   */
  static void measure(ScenarioContext context, String implementation, String kind, PushTarget target, PushLoad load,
                      ChildProcess sampled) {
    context.phase(implementation + ": " + load.connections() + " connections to " + target.url() + ", held "
        + load.hold().toSeconds() + " s, interval " + load.interval().toMillis() + " ms");
    ChildProcess jvm = ScenarioContext.SERVICE.equals(kind) ? sampled : null;
    long heapBefore = jvm == null ? -1 : LiveHeap.of(jvm.pid());
    ResourceSampler[] sampler = new ResourceSampler[1];
    ResourceSampler.Usage[] usage = new ResourceSampler.Usage[1];
    long[] heapAfter = {-1};
    double[] floor = {Double.NaN};
    Measurement measurement;
    try {
      PushResult result = new PushClient(target, load, line -> context.phase(implementation + ": " + line)).run(
          () -> sampler[0] = startSampling(context, sampled),
          () -> {
            usage[0] = sampler[0] == null ? null : sampler[0].stop();
            floor[0] = jvm == null ? Double.NaN : FanOutFloor.millis(jvm.url());
            heapAfter[0] = jvm == null ? -1 : LiveHeap.of(jvm.pid());
          });
      List<Figure> figures = new ArrayList<>(result.figures());
      figures.addAll(ScenarioContext.resourceFigures(usage[0]));
      if (!Double.isNaN(floor[0])) {
        figures.add(Figure.of("fanout_slowest", floor[0], Figure.MS));
      }
      if (heapBefore > 0 && heapAfter[0] > 0 && result.openAtEnd() > 0) {
        figures.add(Figure.of("live_heap", heapAfter[0] / 1e6, Figure.MB));
        figures.add(Figure.of("live_heap_per_connection", (heapAfter[0] - heapBefore) / 1024.0 / result.openAtEnd(), "KB/conn"));
      }
      Map<String, Object> settings = load.describe();
      settings.put("tool", "push-client");
      settings.put("protocol", target.protocol());
      boolean failed = result.established() == 0 || (sampled != null && !sampled.isAlive());
      measurement = new Measurement(implementation, kind, target.url(), "push-client", settings,
          failed ? Measurement.FAILED : Measurement.OK,
          failed ? "no connection held" + (result.firstFailure() == null ? "" : ": " + result.firstFailure()) : null,
          failed ? List.of() : figures, ScenarioContext.notes(sampled));
      context.phase(implementation + ": " + result.summary()
          + (Double.isNaN(floor[0]) ? "" : String.format(java.util.Locale.ROOT, "; slowest service fan-out %.1f ms", floor[0])));
    } catch (Exception e) {
      if (sampler[0] != null) {
        sampler[0].stop();
      }
      measurement = Measurement.failed(implementation, kind, target.url(), e.getMessage() == null ? e.toString() : e.getMessage());
      context.phase(implementation + ": FAILED " + measurement.reason());
    }
    context.record(measurement);
  }

  private static ResourceSampler startSampling(ScenarioContext context, ChildProcess sampled) {
    if (sampled == null) {
      return null;
    }
    try {
      return context.sample(sampled);
    } catch (Exception e) {
      context.phase("cannot sample " + sampled.name() + ": " + e.getMessage());
      return null;
    }
  }

  static int freePort() throws Exception {
    try (ServerSocket probe = new ServerSocket(0)) {
      return probe.getLocalPort();
    }
  }
}
