package dev.showdown.bench.logparse;

import dev.showdown.bench.peer.Peer;
import dev.showdown.bench.peer.PeerCommand;
import dev.showdown.bench.result.Figure;
import dev.showdown.bench.result.Measurement;
import dev.showdown.bench.scenario.JavaService;
import dev.showdown.bench.scenario.Published;
import dev.showdown.bench.scenario.Scenario;
import dev.showdown.bench.scenario.ScenarioContext;
import dev.showdown.kit.ServiceMain;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Unique users in the standard NDJSON log: (a) warm, the count repeated inside one JVM ({@link WarmUv});
 * (b) cold, whole {@code uv FILE} processes from start to exit ({@link ColdUv}: as configured, with AppCDS, with
 * AppCDS plus start-up flags, through the shipped launcher); (c) every uv peer's {@code uv FILE}, warm and cold
 * alike; (d) {@code POST /uv} throughput ({@link UvPostContenders}). Warm and cold on the 100,000-line file, then
 * (not under {@code --quick}) the 1,000,000-line one. The files are made once by the service's own {@code gen}
 * and kept by seed and size. This class only puts them in order.
 */
public final class LogparseScenario implements Scenario {
  static final String MODULE = "logparse-service";
  static final int LARGE_LINES = 1_000_000;

  @Override
  public String name() {
    return "logparse";
  }

  @Override
  public String title() {
    return "unique top-level user_id in NDJSON logs: uv FILE (warm, cold) and POST /uv";
  }

  @Override
  public String standardLoad() {
    return "the 100k-line file (seed 42, ~520 B/line): warm median of 10 runs in one JVM after 5, cold median of 5 "
        + "whole processes; POST /uv from 2 clients for 10 s; the 1M-line file warm and cold";
  }

  @Override
  public List<String> modules() {
    return List.of(MODULE);
  }

  @Override
  public List<Published> published() {
    return List.of(
        Published.of("article B", "2C4G, 100k x 500 B lines, one process", 2, "Python CPython",
            Figure.of(UvRuns.ELAPSED, 8200, Figure.MS)),
        Published.of("article B", "2C4G, 100k x 500 B lines, one process", 2, "PyPy",
            Figure.of(UvRuns.ELAPSED, 1500, Figure.MS)),
        Published.of("article B", "2C4G, 100k x 500 B lines, one process", 2, "Go",
            Figure.of(UvRuns.ELAPSED, 1100, Figure.MS)));
  }

  @Override
  public void run(ScenarioContext context) throws Exception {
    List<JavaService> services = context.startJavaServices(MODULE);
    List<String> java = context.serviceCommand(MODULE);
    Path standard = logFile(context, java, StandardLog.LINES);
    Path large = context.quick() ? null : logFile(context, java, LARGE_LINES);
    String cli = ScenarioContext.JAVA + " uv";
    if (context.verified(cli, ScenarioContext.SERVICE, null, new UvVerifier(cli, UvVerifier.onFile(java, standard),
        context.repoRoot(), context.workDir().resolve("verify-uv.log")))) {
      for (Path file : large == null ? List.of(standard) : List.of(standard, large)) {
        UvAnswer answer = WarmUv.measure(context, ScenarioContext.JAVA, ScenarioContext.SERVICE, file, "scanner",
            repeat -> javaUv(java, file, "scanner", repeat));
        if (file == standard) {
          WarmUv.measure(context, ScenarioContext.JAVA, ScenarioContext.SERVICE, file, "jackson",
              repeat -> javaUv(java, file, "jackson", repeat));
        }
        ColdUv.javaVariants(context, java, file, answer);
      }
    }
    for (Peer peer : context.peers()) {
      if (context.peerAvailable(peer)) {
        peer(context, peer, standard, large);
      }
    }
    UvPostContenders.measure(context, services, standard);
  }

  /** A peer's {@code uv FILE}: verified on the standard file, then warm and cold like the Java command line. */
  private static void peer(ScenarioContext context, Peer peer, Path standard, Path large) {
    String cli = peer.name() + " uv";
    if (!context.verified(cli, ScenarioContext.PEER, null, new UvVerifier(cli, peerUv(context, peer, standard, 0),
        context.repoRoot(), context.workDir().resolve("verify-uv-" + peer.name() + ".log")))) {
      return;
    }
    try {
      for (Path file : large == null ? List.of(standard) : List.of(standard, large)) {
        UvAnswer answer = WarmUv.measure(context, peer.name(), ScenarioContext.PEER, file, null,
            repeat -> peerUv(context, peer, file, repeat));
        ColdUv.runs(context, peer.name(), ScenarioContext.PEER, peerUv(context, peer, file, 0), Map.of(), file, answer, null);
      }
    } catch (Exception e) {
      context.record(Measurement.failed(cli, ScenarioContext.PEER, null, ServiceMain.reason(e)));
    }
  }

  private static List<String> javaUv(List<String> java, Path file, String parser, int repeat) {
    List<String> command = plus(UvVerifier.onFile(java, file), "--parser", parser);
    return repeat > 0 ? plus(command, "--repeat", Integer.toString(repeat)) : command;
  }

  /** The peer's {@code uv FILE}, with {@code --repeat} when {@code repeat} is positive. */
  private static List<String> peerUv(ScenarioContext context, Peer peer, Path file, int repeat) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put(PeerCommand.FILE, file.toString());
    if (repeat > 0) {
      values.put(PeerCommand.REPEAT, Integer.toString(repeat));
    }
    return context.peerCommand(peer, values);
  }

  private static List<String> plus(List<String> command, String... args) {
    List<String> all = new ArrayList<>(command);
    all.addAll(List.of(args));
    return all;
  }

  /** The log file of {@code lines} lines, generated by the service's {@code gen} unless a run already did. */
  private static Path logFile(ScenarioContext context, List<String> java, int lines) throws Exception {
    boolean cached = StandardLog.exists(lines);
    context.phase((cached ? "log file " : "generating " + lines + " lines into ") + StandardLog.file(lines)
        + (cached ? " (cached)" : ""));
    return StandardLog.ensure(lines, java, context.workDir().resolve("gen.log"));
  }
}
