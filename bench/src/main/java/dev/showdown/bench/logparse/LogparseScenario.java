package dev.showdown.bench.logparse;

import dev.showdown.bench.latency.LatencyLog;
import dev.showdown.bench.peer.Peer;
import dev.showdown.bench.peer.PeerCommand;
import dev.showdown.bench.process.ChildProcess;
import dev.showdown.bench.result.Figure;
import dev.showdown.bench.result.Measurement;
import dev.showdown.bench.scenario.Contender;
import dev.showdown.bench.scenario.Published;
import dev.showdown.bench.scenario.Scenario;
import dev.showdown.bench.scenario.ScenarioContext;
import dev.showdown.bench.scenario.Target;
import dev.showdown.bench.scenario.WindowResult;
import dev.showdown.bench.verify.HttpContracts;
import dev.showdown.bench.verify.HttpVerifier;
import dev.showdown.kit.ServiceMain;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Unique users in the standard NDJSON log: (a) warm, the count repeated inside one JVM ({@code uv --repeat});
 * (b) cold, the whole process {@code java -jar logparse-service.jar uv FILE} from start to exit, with the
 * bench's JVM flags, with an AppCDS archive, and with AppCDS plus start-up flags; (c) every uv peer's
 * {@code uv FILE}, warm and cold alike; (d) {@code POST /uv} throughput. Warm and cold on the 100,000-line
 * file, then (not under {@code --quick}) the 1,000,000-line one. The files are made once by the service's own
 * {@code gen} and kept by seed and size.
 */
public final class LogparseScenario implements Scenario {
  static final String MODULE = "logparse-service";
  private static final String TOOL = "POST /uv";
  static final int LARGE_LINES = 1_000_000;
  static final String ELAPSED = "elapsed";
  /** Flags that trade peak speed for start-up: C1 only, the serial collector. */
  static final List<String> STARTUP_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
  private static final Duration PROCESS_TIMEOUT = Duration.ofMinutes(5);

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
            Figure.of(ELAPSED, 8200, Figure.MS)),
        Published.of("article B", "2C4G, 100k x 500 B lines, one process", 2, "PyPy",
            Figure.of(ELAPSED, 1500, Figure.MS)),
        Published.of("article B", "2C4G, 100k x 500 B lines, one process", 2, "Go",
            Figure.of(ELAPSED, 1100, Figure.MS)));
  }

  @Override
  public void run(ScenarioContext context) throws Exception {
    ChildProcess service = context.startService(MODULE);
    List<String> java = context.serviceCommand(MODULE);
    Path standard = logFile(context, java, StandardLog.LINES);
    Path large = context.quick() ? null : logFile(context, java, LARGE_LINES);
    String cli = ScenarioContext.JAVA + " uv";
    if (context.verified(cli, ScenarioContext.SERVICE, null, new UvVerifier(cli, UvVerifier.onFile(java, standard),
        context.repoRoot(), context.workDir().resolve("verify-uv.log")))) {
      for (Path file : large == null ? List.of(standard) : List.of(standard, large)) {
        UvAnswer answer = warm(context, ScenarioContext.JAVA, ScenarioContext.SERVICE, file, "scanner",
            repeat -> javaUv(java, file, "scanner", repeat));
        if (file == standard) {
          warm(context, ScenarioContext.JAVA, ScenarioContext.SERVICE, file, "jackson", repeat -> javaUv(java, file, "jackson", repeat));
        }
        cold(context, java, file, answer);
      }
    }
    for (Peer peer : context.peers()) {
      if (context.peerAvailable(peer)) {
        peer(context, peer, standard, large);
      }
    }
    post(context, service, standard);
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
        UvAnswer answer = warm(context, peer.name(), ScenarioContext.PEER, file, null, repeat -> peerUv(context, peer, file, repeat));
        coldRuns(context, peer.name(), ScenarioContext.PEER, peerUv(context, peer, file, 0), file, answer, null);
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

  private static List<String> withFlags(List<String> java, List<String> flags) {
    boolean choosesCollector = flags.stream().anyMatch(LogparseScenario::selectsCollector);
    List<String> command = new ArrayList<>();
    command.add(java.get(0));
    command.addAll(flags);
    for (String arg : java.subList(1, java.size())) {
      // The JVM refuses two collectors: the added flags' choice replaces the configured one.
      if (!(choosesCollector && selectsCollector(arg))) {
        command.add(arg);
      }
    }
    return command;
  }

  private static boolean selectsCollector(String flag) {
    return flag.startsWith("-XX:+Use") && flag.endsWith("GC");
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

  /**
   * Counts {@code file} repeatedly in one process ({@code command} of the repeat count); records the median after
   * the warm-up runs. {@code parser} names the Java command line's parser (null for a peer).
   */
  private static UvAnswer warm(ScenarioContext context, String implementation, String kind, Path file, String parser,
                               IntFunction<List<String>> command) throws Exception {
    // The first runs are still interpreted or in C1; by the fifth the hot loops are C2 code.
    int warmups = context.quick() ? 3 : 5;
    int measured = context.quick() ? 3 : 10;
    String what = parser == null ? "warm" : "warm, " + parser;
    context.phase(implementation + " " + what + ": uv --repeat " + (warmups + measured) + " on " + file.getFileName());
    List<String> repeated = command.apply(warmups + measured);
    OneShot.Result result = OneShot.run(repeated, context.repoRoot(),
        context.workDir().resolve("warm-" + implementation + (parser == null ? "" : "-" + parser) + ".log"), PROCESS_TIMEOUT);
    List<UvAnswer> answers = UvAnswer.parseLines(result.output());
    UvAnswer first = answers.get(0);
    List<Double> times = new ArrayList<>();
    for (UvAnswer answer : answers.subList(warmups, answers.size())) {
      if (!answer.sameCountAs(first)) {
        throw new IllegalStateException("runs disagree: " + first + " then " + answer);
      }
      times.add(answer.elapsedMs());
    }
    Map<String, Object> load = fileLoad(file, first);
    if (parser != null) {
      load.put("parser", parser);
    }
    load.put("runs", "median of " + measured + " after " + warmups + " warm-up runs in one process");
    recordTimes(context, implementation + " uv (" + what + ", " + size(first) + ")", kind, "uv --repeat", load, repeated,
        times, first, List.of());
    context.phase(String.format(Locale.ROOT, "%s %s: median %.1f ms, uv %d", implementation, what,
        Medians.median(times), first.uv()));
    return first;
  }

  /** Whole-process runs, from start to exit: as configured, with an AppCDS archive, with AppCDS and start-up flags. */
  private static void cold(ScenarioContext context, List<String> java, Path file, UvAnswer expected) throws Exception {
    Path archive = context.workDir().resolve("logparse-uv.jsa");
    Path startupArchive = context.workDir().resolve("logparse-uv-startup.jsa");
    List<String> startup = new ArrayList<>(STARTUP_FLAGS);
    // The archives are written by one run each (with the same flags as the runs that use them).
    Files.createDirectories(context.workDir());
    Files.deleteIfExists(archive);
    Files.deleteIfExists(startupArchive);
    OneShot.run(UvVerifier.onFile(withFlags(java, List.of("-XX:ArchiveClassesAtExit=" + archive)), file),
        context.workDir().resolve("cds-dump.log"), PROCESS_TIMEOUT);
    List<String> dumpStartup = new ArrayList<>(startup);
    dumpStartup.add("-XX:ArchiveClassesAtExit=" + startupArchive);
    OneShot.run(UvVerifier.onFile(withFlags(java, dumpStartup), file),
        context.workDir().resolve("cds-dump-startup.log"), PROCESS_TIMEOUT);
    List<String> useStartup = new ArrayList<>(startup);
    useStartup.add("-XX:SharedArchiveFile=" + startupArchive);

    String jvm = ScenarioContext.JAVA;
    String kind = ScenarioContext.SERVICE;
    coldRuns(context, jvm, kind, UvVerifier.onFile(java, file), file, expected, "as configured");
    coldRuns(context, jvm, kind, UvVerifier.onFile(withFlags(java, List.of("-XX:SharedArchiveFile=" + archive)), file),
        file, expected, "AppCDS");
    coldRuns(context, jvm, kind, UvVerifier.onFile(withFlags(java, useStartup), file), file, expected,
        "AppCDS + C1 only + SerialGC");
  }

  /** Whole processes of {@code command}, from start to exit; {@code variant} names the JVM's set-up (null for a peer). */
  private static void coldRuns(ScenarioContext context, String implementation, String kind, List<String> command, Path file,
                               UvAnswer expected, String variant) throws Exception {
    int runs = context.quick() ? 3 : 5;
    String what = variant == null ? "cold" : "cold, " + variant;
    context.phase(implementation + " " + what + ": " + runs + " whole processes on " + file.getFileName());
    List<Double> wall = new ArrayList<>();
    List<Double> inside = new ArrayList<>();
    Path log = context.workDir().resolve("cold-" + implementation + ".log");
    // One untimed run first: the file and the program in the page cache, as for every timed run after it.
    OneShot.run(command, context.repoRoot(), log, PROCESS_TIMEOUT);
    for (int i = 0; i < runs; i++) {
      OneShot.Result result = OneShot.run(command, context.repoRoot(), log, PROCESS_TIMEOUT);
      UvAnswer answer = UvAnswer.parseLines(result.output()).get(0);
      if (!answer.sameCountAs(expected)) {
        throw new IllegalStateException("cold run counted " + answer + ", warm runs " + expected);
      }
      wall.add(result.wallNanos() / 1e6);
      inside.add(answer.elapsedMs());
    }
    Map<String, Object> load = fileLoad(file, expected);
    if (variant != null) {
      load.put("jvm", variant);
    }
    load.put("runs", "median of " + runs + " processes after 1 untimed");
    recordTimes(context, implementation + " uv (" + what + ", " + size(expected) + ")", kind, "uv FILE (whole process)", load,
        command, wall, expected, List.of(Figure.of("count_in_process", Medians.median(inside), Figure.MS)));
    context.phase(String.format(Locale.ROOT, "%s %s: median %.0f ms (count %.0f ms of it)", implementation, what,
        Medians.median(wall), Medians.median(inside)));
  }

  /** {@code POST /uv} of the standard file to the service and every target that passes the contract's checks, in rounds. */
  private static void post(ScenarioContext context, ChildProcess service, Path file) {
    UvAnswer expected = StandardLog.answer();
    List<Contender> contenders = new ArrayList<>();
    if (context.verified(ScenarioContext.JAVA, ScenarioContext.SERVICE, service.url(),
        new HttpVerifier(ScenarioContext.JAVA + " " + service.url(), service.url(), HttpContracts.logparse(file)))) {
      contenders.add(poster(context, ScenarioContext.JAVA, ScenarioContext.SERVICE, service.url(), file, expected, service));
    }
    for (Target target : context.targets()) {
      if (context.verified(target.name(), ScenarioContext.TARGET, target.url(),
          new HttpVerifier(target.name() + " " + target.url(), target.url(), HttpContracts.logparse(file)))) {
        contenders.add(poster(context, target.name(), ScenarioContext.TARGET, target.url(), file, expected, null));
      }
    }
    context.measureInRounds(contenders);
  }

  private static Contender poster(ScenarioContext context, String implementation, String kind, String url, Path file,
                                  UvAnswer expected, ChildProcess sampled) {
    int connections = 2;
    Duration warmup = Duration.ofSeconds(context.quick() ? 1 : 3);
    Duration duration = Duration.ofSeconds(context.quick() ? 3 : 10);
    Map<String, Object> load = fileLoad(file, expected);
    load.put("connections", connections);
    load.put("duration_s", duration.toSeconds());
    load.put("warmup_s", warmup.toSeconds());
    return new Contender(implementation, kind, url, sampled, listener -> {
      context.phase(implementation + ": POST " + file.getFileName() + " to " + url + "/uv, " + connections
          + " clients, " + duration.toSeconds() + " s after " + warmup.toSeconds() + " s warm-up");
      UvPostLoad driver = new UvPostLoad(URI.create(url + "/uv"), file, expected);
      listener.warmupStarted(warmup, () -> -1);
      driver.warmUp(connections, warmup);
      listener.measureStarted(duration, () -> -1);
      UvPostLoad.Result result = driver.measure(connections, duration);
      listener.measureEnded();
      if (result.requests() == 0) {
        return WindowResult.failed("no correct answer: " + result.firstProblem());
      }
      listener.latencies(LatencyLog.of(result.latencyMicros()));
      List<Figure> figures = List.of(
          Figure.of(Figure.QPS, result.qps(), Figure.REQ_PER_S),
          Figure.of(Figure.P50, result.latencyMicros().getValueAtPercentile(50) / 1000.0, Figure.MS),
          Figure.of(Figure.P99, result.latencyMicros().getValueAtPercentile(99) / 1000.0, Figure.MS),
          Figure.of(Figure.MAX, result.latencyMicros().getMaxValue() / 1000.0, Figure.MS),
          Figure.of(Figure.ERRORS, result.failures(), Figure.COUNT),
          Figure.of("wrong_answers", result.wrongAnswers(), Figure.COUNT),
          Figure.of("body_throughput", result.megabytesPerSecond(), "MB/s"));
      WindowResult window = WindowResult.ok(TOOL, load, figures, result.requests());
      return result.firstProblem() == null ? window : window.withNotes(Map.of("first_problem", result.firstProblem()));
    });
  }

  private static String size(UvAnswer answer) {
    return answer.lines() % 1000 == 0 ? answer.lines() / 1000 + "k lines" : answer.lines() + " lines";
  }

  private static Map<String, Object> fileLoad(Path file, UvAnswer answer) {
    Map<String, Object> load = new LinkedHashMap<>();
    load.put("file", file.getFileName().toString());
    load.put("lines", answer.lines());
    return load;
  }

  /**
   * Records timed runs: their median and best, what they counted, and every run's time in the notes. The row's
   * name says what ran ({@code java-vertx uv (warm, scanner, 100k lines)}): the report's rows are told apart by it.
   */
  private static void recordTimes(ScenarioContext context, String row, String kind, String tool, Map<String, Object> load,
                                  List<String> command, List<Double> times, UvAnswer answer, List<Figure> more) {
    List<Figure> figures = new ArrayList<>(List.of(
        Figure.of(ELAPSED, Medians.median(times), Figure.MS),
        Figure.of("elapsed_best", Medians.min(times), Figure.MS)));
    figures.addAll(more);
    figures.add(Figure.of("uv", answer.uv(), Figure.COUNT));
    figures.add(Figure.of("line_errors", answer.errors(), Figure.COUNT));
    Map<String, String> notes = new LinkedHashMap<>();
    notes.put("command", String.join(" ", command));
    notes.put("runs_ms", Medians.list(times));
    context.record(new Measurement(row, kind, null, tool, load, Measurement.OK, null, figures, notes));
  }
}
