package dev.showdown.bench.push;

import dev.showdown.bench.process.ChildProcess;
import dev.showdown.bench.process.ResourceSampler;
import dev.showdown.bench.result.Figure;
import dev.showdown.bench.result.Measurement;
import dev.showdown.bench.scenario.Published;
import dev.showdown.bench.scenario.Scenario;
import dev.showdown.bench.scenario.ScenarioContext;
import dev.showdown.bench.scenario.Target;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * 10,000 long connections on one push node for 65 s at a 10 s interval, once over TCP and once over WebSocket:
 * held, lost, delivery latency from the tick's ts, the service's RSS and its live heap per connection.
 */
public final class PushScenario implements Scenario {
  static final String MODULE = "push-service";
  /** The interval of the instance the bench checks before measuring its own service. */
  static final Duration VERIFY_INTERVAL = Duration.ofMillis(200);
  /** Two pushes at {@link #VERIFY_INTERVAL}, with room for a busy machine. */
  static final Duration VERIFY_WAIT = Duration.ofSeconds(5);
  /** A push endpoint the bench did not start pushes at its own interval: two standard ones and a margin. */
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
    boolean[] passed = verifyJava(context);
    for (boolean webSocket : new boolean[] {false, true}) {
      if (!passed[webSocket ? 1 : 0]) {
        continue;
      }
      int tcpPort = freePort();
      try (ChildProcess service = context.startService(MODULE, "--tcp-port", Integer.toString(tcpPort),
          "--interval", load.interval().toMillis() + "ms", "--max-connections", "20000")) {
        String host = service.address().host();
        PushTarget target = webSocket ? new PushTarget(true, host, service.port(), "/push")
            : new PushTarget(false, host, tcpPort, "");
        measure(context, ScenarioContext.JAVA + " " + target.protocol(), ScenarioContext.SERVICE, target, load, service);
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

  /**
   * Checks the Java service on both protocols before it is measured, on an instance of its own started with a
   * short interval, so two pushes take a second instead of two standard intervals. Tells per protocol (TCP,
   * WebSocket) whether it passed.
   */
  private static boolean[] verifyJava(ScenarioContext context) throws Exception {
    int tcpPort = freePort();
    try (ChildProcess probe = context.startServiceNamed(MODULE + "-verify", MODULE, "--tcp-port", Integer.toString(tcpPort),
        "--interval", VERIFY_INTERVAL.toMillis() + "ms")) {
      String host = probe.address().host();
      boolean[] passed = new boolean[2];
      for (PushTarget target : List.of(new PushTarget(false, host, tcpPort, ""), new PushTarget(true, host, probe.port(), "/push"))) {
        String implementation = ScenarioContext.JAVA + " " + target.protocol();
        passed[target.webSocket() ? 1 : 0] = context.verified(implementation, ScenarioContext.SERVICE, target.url(),
            new PushVerifier(implementation + " " + target.url(), target, VERIFY_WAIT));
      }
      return passed;
    }
  }

  static PushLoad standardLoad(boolean quick, int connections) {
    return quick
        ? new PushLoad(Math.min(connections, 1_000), Duration.ofSeconds(6), Duration.ofSeconds(2), 1, 1, 256, 2)
        : new PushLoad(connections, PushLoad.STANDARD_HOLD, PushLoad.STANDARD_INTERVAL, 1,
            PushLoad.sourcesFor(connections), 256, Runtime.getRuntime().availableProcessors());
  }

  /** Runs the client in this JVM against {@code target}; samples and weighs {@code sampled} when it is ours. */
  static void measure(ScenarioContext context, String implementation, String kind, PushTarget target, PushLoad load,
                      ChildProcess sampled) {
    context.phase(implementation + ": " + load.connections() + " connections to " + target.url() + ", held "
        + load.hold().toSeconds() + " s, interval " + load.interval().toMillis() + " ms");
    long heapBefore = sampled == null ? -1 : LiveHeap.of(sampled.pid());
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
            floor[0] = sampled == null ? Double.NaN : FanOutFloor.millis(sampled.url());
            heapAfter[0] = sampled == null ? -1 : LiveHeap.of(sampled.pid());
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
