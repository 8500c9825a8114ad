package dev.showdown.bench.push;

import dev.showdown.bench.peer.Peer;
import dev.showdown.bench.peer.PeerCommand;
import dev.showdown.bench.process.ChildProcess;
import dev.showdown.bench.process.JvmProfile;
import dev.showdown.bench.process.ResourceSampler;
import dev.showdown.bench.result.Figure;
import dev.showdown.bench.scenario.Contender;
import dev.showdown.bench.scenario.Published;
import dev.showdown.bench.scenario.SamplingListener;
import dev.showdown.bench.scenario.WindowResult;
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
  private static final String TOOL = "push-client";
  /** The node's CPU seconds over the hold per tick counted in it (the idle time between ticks included). */
  static final String CPU_PER_TICK = "cpu_s_per_tick";
  static final String CPU_FIRST_TICK = "cpu_s_first_tick";
  static final String CPU_PER_STEADY_TICK = "cpu_s_per_steady_tick";
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

  /** One window holds the connections 65 s per protocol and implementation: a full run does not repeat it unless asked. */
  @Override
  public int fullRunRounds() {
    return 1;
  }

  @Override
  public void run(ScenarioContext context) throws Exception {
    PushLoad load = standardLoad(context.quick(), PushLoad.STANDARD_CONNECTIONS);
    List<Contender> contenders = new ArrayList<>();
    for (JvmProfile profile : context.javaProfiles()) {
      addNode(context, contenders, profile.row(ScenarioContext.JAVA), ScenarioContext.SERVICE, load, (name, tcpPort, interval) ->
          context.startJavaService(ScenarioContext.fileSafe(name), MODULE, profile,
              "--tcp-port", Integer.toString(tcpPort), "--interval", interval.toMillis() + "ms", "--max-connections", "20000"));
    }
    for (Peer peer : context.peers()) {
      if (!context.peerAvailable(peer)) {
        continue;
      }
      try {
        addNode(context, contenders, peer.name(), ScenarioContext.PEER, load, (name, tcpPort, interval) -> context.startPeer(name, peer,
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
        contenders.add(contender(context, implementation, ScenarioContext.TARGET, ws, load, null));
      }
    }
    context.measureInRounds(contenders);
  }

  /** Starts one push node (the Java service or a peer) on a TCP port of its own with the interval given. */
  @FunctionalInterface
  interface Node {
    ChildProcess start(String name, int tcpPort, Duration interval) throws Exception;
  }

  /**
   * Checks a node on both protocols, on an instance of its own started with a short interval (two pushes take
   * a second instead of two standard intervals), then starts, for each protocol that passed, the instance that is
   * measured in every round.
   */
  private static void addNode(ScenarioContext context, List<Contender> contenders, String implementation, String kind,
                              PushLoad load, Node node) throws Exception {
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
      PushTarget target = targets(started.child(), started.tcpPort()).get(webSocket ? 1 : 0);
      contenders.add(contender(context, implementation + " " + protocol, kind, target, load, started.child()));
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

  private static Contender contender(ScenarioContext context, String implementation, String kind, PushTarget target,
                                     PushLoad load, ChildProcess sampled) {
    return new Contender(implementation, kind, target.url(), sampled,
        listener -> window(context, implementation, kind, target, load, sampled, listener));
  }

  /**
   * Runs the client in this JVM against {@code target}: the measured window is the hold, from every connection up
   * to the hold's end; weighs the live heap and reads the fan-out floor when it is the Java service.
   */
  private static WindowResult window(ScenarioContext context, String implementation, String kind, PushTarget target,
                                     PushLoad load, ChildProcess sampled, SamplingListener listener) throws Exception {
    context.phase(implementation + ": " + load.connections() + " connections to " + target.url() + ", held "
        + load.hold().toSeconds() + " s, interval " + load.interval().toMillis() + " ms");
    HoldEnd end = new HoldEnd(ScenarioContext.SERVICE.equals(kind) ? sampled : null);
    TickCpu tickCpu = new TickCpu(listener);
    PushClient client = new PushClient(target, load, line -> context.phase(implementation + ": " + line));
    PushResult result = client.run(
        () -> listener.measureStarted(load.hold(), () -> -1),
        tickCpu::markFirstTickDone,
        () -> {
          tickCpu.holdEnded();
          listener.measureEnded();
          end.read();
        });
    if (result.established() == 0) {
      return WindowResult.failed("no connection held" + (result.firstFailure() == null ? "" : ": " + result.firstFailure()));
    }
    listener.latencies(client.latencies());
    List<Figure> figures = new ArrayList<>(result.figures());
    ResourceSampler.Usage usage = listener.usage();
    if (usage != null && result.ticks() > 0) {
      figures.add(Figure.of(CPU_PER_TICK, usage.cpuSeconds() / result.ticks(), Figure.S));
      figures.addAll(tickCpu.figures(usage.cpuSeconds(), result.ticks()));
    }
    figures.addAll(end.figures(result.openAtEnd()));
    Map<String, Object> settings = load.describe();
    settings.put("tool", TOOL);
    settings.put("protocol", target.protocol());
    return WindowResult.ok(TOOL, settings, figures, -1).withSummary(result.summary()
        + (Double.isNaN(end.floorMs) ? "" : String.format(java.util.Locale.ROOT, "; slowest service fan-out %.1f ms", end.floorMs)));
  }

  /**
   * The sampled process's CPU split at the end of the first counted tick: that tick (the one that meets cold code,
   * JIT compiles included) apart from the steady ticks after it.
   */
  private static final class TickCpu {
    private final SamplingListener listener;
    private double atFirstTickDone = Double.NaN;
    private boolean holdEnded;

    TickCpu(SamplingListener listener) {
      this.listener = listener;
    }

    synchronized void markFirstTickDone() {
      if (!holdEnded) {
        atFirstTickDone = listener.cpuSecondsSoFar();
      }
    }

    synchronized void holdEnded() {
      holdEnded = true;
    }

    synchronized List<Figure> figures(double windowCpuSeconds, long ticks) {
      if (Double.isNaN(atFirstTickDone) || ticks < 2) {
        return List.of();
      }
      return List.of(Figure.of(CPU_FIRST_TICK, atFirstTickDone, Figure.S),
          Figure.of(CPU_PER_STEADY_TICK, (windowCpuSeconds - atFirstTickDone) / (ticks - 1), Figure.S));
    }
  }

  /** What the Java service shows at the end of the hold, read while every connection is still open. */
  private static final class HoldEnd {
    private final ChildProcess jvm;
    private final long heapBefore;
    private double floorMs = Double.NaN;
    private long heapAfter = -1;

    HoldEnd(ChildProcess jvm) {
      this.jvm = jvm;
      this.heapBefore = jvm == null ? -1 : LiveHeap.of(jvm.pid());
    }

    void read() {
      if (jvm != null) {
        floorMs = FanOutFloor.millis(jvm.url());
        heapAfter = LiveHeap.of(jvm.pid());
      }
    }

    List<Figure> figures(int openAtEnd) {
      List<Figure> figures = new ArrayList<>();
      if (!Double.isNaN(floorMs)) {
        figures.add(Figure.of("fanout_slowest", floorMs, Figure.MS));
      }
      if (heapBefore > 0 && heapAfter > 0 && openAtEnd > 0) {
        figures.add(Figure.of("live_heap", heapAfter / 1e6, Figure.MB));
        figures.add(Figure.of("live_heap_per_connection", (heapAfter - heapBefore) / 1024.0 / openAtEnd, "KB/conn"));
      }
      return figures;
    }
  }

  static int freePort() throws Exception {
    try (ServerSocket probe = new ServerSocket(0)) {
      return probe.getLocalPort();
    }
  }
}
