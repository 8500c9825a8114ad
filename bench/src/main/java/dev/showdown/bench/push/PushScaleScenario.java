package dev.showdown.bench.push;

import dev.showdown.bench.process.ChildProcess;
import dev.showdown.bench.process.ResourceSampler;
import dev.showdown.bench.redis.EmbeddedRedis;
import dev.showdown.bench.result.Figure;
import dev.showdown.bench.result.Measurement;
import dev.showdown.bench.scenario.Published;
import dev.showdown.bench.scenario.Scenario;
import dev.showdown.bench.scenario.ScenarioContext;
import dev.showdown.bench.verify.Verification;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Toward 100,000 connections: several push nodes joined through Redis, each under the 20,000 open-file limit
 * of one process, each loaded by its own client process. Reports per node and in total, and says what stopped
 * it short.
 */
public final class PushScaleScenario implements Scenario {
  static final int GOAL = 100_000;
  /** One process may hold 20,000 open files here; a node keeps the rest for its own files and sockets. */
  static final int PER_PROCESS = 19_000;
  /** Clients connect one after another at first; holding longer than the standard keeps 65 s of overlap. */
  private static final Duration HOLD_MARGIN = Duration.ofSeconds(90);

  @Override
  public String name() {
    return "push-scale";
  }

  @Override
  public String title() {
    return "toward 100,000 push connections: several nodes joined through Redis, one client process per node";
  }

  @Override
  public String standardLoad() {
    return "6 nodes x 16,666 TCP connections (each process under the 20,000 open-file limit), push every 10 s, "
        + "each client holds 65 s + 90 s margin once its connections are up";
  }

  @Override
  public List<String> modules() {
    return List.of(PushScenario.MODULE);
  }

  @Override
  public List<Published> published() {
    return List.of(Published.of("article B", "2C4G", 2, "Go",
        Figure.of("connections", 50_000, Figure.COUNT), Figure.of(Figure.RSS_PEAK, 65, Figure.MB)));
  }

  @Override
  public void run(ScenarioContext context) throws Exception {
    int nodes = context.quick() ? 2 : (GOAL + PER_PROCESS - 1) / PER_PROCESS;
    int perNode = context.quick() ? 500 : GOAL / nodes;
    PushLoad base = PushScenario.standardLoad(context.quick(), perNode);
    Duration hold = context.quick() ? base.hold() : base.hold().plus(HOLD_MARGIN);
    String redis = context.redisUrl().orElse(null);
    if (redis == null) {
      context.phase("starting an embedded redis-server (no --redis given)");
      redis = context.closeLater(EmbeddedRedis.start()).url();
    }
    // Every node starts before any client: a client's thousands of source ports come from the same ephemeral
    // range as the free ports the nodes are given, and a node whose port got taken would not start.
    List<ChildProcess> services = new ArrayList<>();
    List<Integer> tcpPorts = new ArrayList<>();
    for (int node = 0; node < nodes; node++) {
      int tcpPort = PushScenario.freePort();
      tcpPorts.add(tcpPort);
      services.add(context.startServiceNamed(PushScenario.MODULE + "-" + node, PushScenario.MODULE, "--tcp-port", Integer.toString(tcpPort),
          "--interval", base.interval().toMillis() + "ms", "--max-connections", Integer.toString(PER_PROCESS),
          "--redis", redis));
    }
    List<Integer> verified = verify(context, services, tcpPorts, base.interval());
    List<ResourceSampler> samplers = new ArrayList<>();
    List<ChildProcess> clients = new ArrayList<>();
    List<Path> results = new ArrayList<>();
    int sources = Math.max(1, (perNode + 4_999) / 5_000);
    for (int node : verified) {
      ChildProcess service = services.get(node);
      samplers.add(context.sample(service));
      Path result = context.workDir().resolve("push-client-" + node + ".json");
      results.add(result);
      clients.add(context.startHelper("push-client", "--url", "tcp://" + service.address().host() + ":" + tcpPorts.get(node),
          "--connections", Integer.toString(perNode), "--hold", hold.toMillis() + "ms",
          "--interval", base.interval().toMillis() + "ms", "--first-source", Integer.toString(1 + node * sources),
          "--sources", Integer.toString(sources), "--threads", "1", "--result", result.toString()));
    }
    awaitExit(context, clients, hold.plus(Duration.ofMinutes(5)));
    List<PushResult> outcomes = new ArrayList<>();
    for (int i = 0; i < verified.size(); i++) {
      int node = verified.get(i);
      ResourceSampler.Usage usage = samplers.get(i).stop();
      PushResult outcome = read(results.get(i));
      outcomes.add(outcome);
      record(context, node, services.get(node), clients.get(i), base, hold, outcome, usage);
    }
    if (verified.size() < nodes) {
      outcomes.add(null);
    }
    recordTotal(context, outcomes, services, nodes * perNode);
  }

  /** Checks every node's TCP pushes at once (two intervals each); returns the nodes that passed. */
  private static List<Integer> verify(ScenarioContext context, List<ChildProcess> services, List<Integer> tcpPorts,
                                      Duration interval) {
    Duration wait = interval.multipliedBy(2).plusSeconds(5);
    List<PushTarget> targets = new ArrayList<>();
    List<CompletableFuture<Verification>> checking = new ArrayList<>();
    context.phase("checking every node's TCP pushes against docs/contract.md (up to " + wait.toSeconds() + " s)");
    ExecutorService side = Executors.newFixedThreadPool(services.size());
    try {
      for (int node = 0; node < services.size(); node++) {
        PushTarget target = new PushTarget(false, services.get(node).address().host(), tcpPorts.get(node), "");
        targets.add(target);
        String subject = implementation(node) + " " + target.url();
        checking.add(CompletableFuture.supplyAsync(() -> new PushVerifier(subject, target, wait).verify(), side));
      }
      List<Integer> passed = new ArrayList<>();
      for (int node = 0; node < services.size(); node++) {
        if (context.accepted(implementation(node), ScenarioContext.SERVICE, targets.get(node).url(), checking.get(node).join())) {
          passed.add(node);
        }
      }
      return passed;
    } finally {
      side.shutdownNow();
    }
  }

  private static String implementation(int node) {
    return ScenarioContext.JAVA + " node " + (node + 1);
  }

  private static void awaitExit(ScenarioContext context, List<ChildProcess> clients, Duration bound) throws InterruptedException {
    long deadline = System.nanoTime() + bound.toNanos();
    context.phase("holding: waiting for " + clients.size() + " client processes to finish");
    while (clients.stream().anyMatch(ChildProcess::isAlive) && System.nanoTime() < deadline) {
      Thread.sleep(1_000);
    }
  }

  private static PushResult read(Path file) {
    try {
      return PushResult.read(file);
    } catch (Exception e) {
      return null;
    }
  }

  private static void record(ScenarioContext context, int node, ChildProcess service, ChildProcess client, PushLoad base,
                             Duration hold, PushResult outcome, ResourceSampler.Usage usage) {
    String implementation = implementation(node);
    Map<String, Object> settings = new LinkedHashMap<>(base.describe());
    settings.put("hold_s", hold.toSeconds());
    settings.put("tool", "push-client (own process)");
    Measurement measurement;
    if (outcome == null) {
      String why = !service.isAlive() ? service.name() + " died" + service.lastLines() : "its client left no result" + client.lastLines();
      measurement = Measurement.failed(implementation, ScenarioContext.SERVICE, service.url(), why);
    } else {
      List<Figure> figures = new ArrayList<>(outcome.figures());
      figures.addAll(ScenarioContext.resourceFigures(usage));
      measurement = new Measurement(implementation, ScenarioContext.SERVICE, service.url(), "push-client", settings,
          Measurement.OK, null, figures, ScenarioContext.notes(service));
      context.phase(implementation + ": " + outcome.summary()
          + (usage == null ? "" : String.format(", RSS peak %.0f MB", usage.peakRssBytes() / 1e6)));
    }
    context.record(measurement);
  }

  private static void recordTotal(ScenarioContext context, List<PushResult> outcomes, List<ChildProcess> services, int wanted) {
    long held = 0;
    long received = 0;
    long expected = 0;
    double worstP99 = 0;
    double worstMax = 0;
    String stopped = null;
    for (PushResult outcome : outcomes) {
      if (outcome == null) {
        stopped = "a node failed its check or its client failed (see its row)";
        continue;
      }
      held += outcome.openAtEnd();
      received += outcome.received();
      expected += outcome.expected();
      worstP99 = Math.max(worstP99, outcome.p99Ms());
      worstMax = Math.max(worstMax, outcome.maxMs());
      if (stopped == null && outcome.firstFailure() != null) {
        stopped = outcome.firstFailure();
      }
    }
    List<Figure> figures = List.of(
        Figure.of("connections", held, Figure.COUNT),
        Figure.of("connections_wanted", wanted, Figure.COUNT),
        Figure.of("nodes", services.size(), Figure.COUNT),
        Figure.of("messages_received", received, Figure.COUNT),
        Figure.of("messages_lost", expected - received, Figure.COUNT),
        Figure.of("latency_p99_worst_node", worstP99, Figure.MS),
        Figure.of("latency_max_worst_node", worstMax, Figure.MS));
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("nodes", services.size());
    settings.put("connections_wanted", wanted);
    Map<String, String> notes = new LinkedHashMap<>();
    notes.put("limit", "one process may hold 20,000 open files on this machine (hard limit), so each node and each "
        + "client process stays under " + PER_PROCESS + " connections");
    if (held < wanted) {
      notes.put("stopped_short", stopped == null ? "connections closed during the hold" : stopped);
    }
    context.record(new Measurement(ScenarioContext.JAVA + " cluster total", ScenarioContext.SERVICE, "", "push-client",
        settings, Measurement.OK, null, figures, notes));
    context.phase(String.format("cluster: %,d of %,d connections held over %d nodes, lost %,d, worst node p99 %.1f ms",
        held, wanted, services.size(), expected - received, worstP99));
  }
}
