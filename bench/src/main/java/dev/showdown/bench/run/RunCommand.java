package dev.showdown.bench.run;

import dev.showdown.bench.env.LoadPlacement;
import dev.showdown.bench.env.RedisVersion;
import dev.showdown.bench.load.LoadDrivers;
import dev.showdown.bench.peer.Peer;
import dev.showdown.bench.peer.PeerCatalog;
import dev.showdown.bench.peer.Peers;
import dev.showdown.bench.process.HeapSize;
import dev.showdown.bench.process.JvmLauncher;
import dev.showdown.bench.process.JvmProfile;
import dev.showdown.bench.process.JvmProfiles;
import dev.showdown.bench.process.ServiceLocation;
import dev.showdown.bench.result.Environment;
import dev.showdown.bench.result.Measurement;
import dev.showdown.bench.result.RunResult;
import dev.showdown.bench.result.ScenarioResult;
import dev.showdown.bench.scenario.Progress;
import dev.showdown.bench.scenario.RunSettings;
import dev.showdown.bench.scenario.Scenario;
import dev.showdown.bench.scenario.Scenarios;
import dev.showdown.bench.scenario.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code bench run [scenario...]}: runs the scenarios and writes results.json, report.md and report.html. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Runs scenarios (default: every one whose service is built) and writes <out>/<timestamp>/"
        + "{results.json,report.md,report.html}. Exit status 0 when every scenario ran and every implementation in it was measured, 1 when one failed.")
public final class RunCommand implements Callable<Integer> {
  /** More rounds than this would be a run of hours: a typo rather than a wish. */
  static final int MAX_ROUNDS = 100;
  /** Why each of these flags: the reports' "JVM flags" section (report.JvmFlagsText). */
  static final String DEFAULT_JVM_OPTS = "-XX:+UseParallelGC -Xms256m -Xmx256m -XX:+ExitOnOutOfMemoryError";
  static final String FULL_RUN_PROFILES = JvmProfiles.BOTH;
  static final String QUICK_RUN_PROFILES = JvmProfile.DEFAULT;

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "SCENARIO", arity = "0..*", description = "Scenarios to run (see --list); default: all built ones")
  List<String> names = new ArrayList<>();

  @Option(names = "--list", description = "List the scenarios and their standard loads, then exit")
  boolean list;

  @Option(names = "--quick", description = "Shorten every load to a few seconds: a smoke check of about a minute")
  boolean quick;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "results", description = "Where the run's directory goes. Default: ${DEFAULT-VALUE}")
  Path out;

  @Option(names = "--java", paramLabel = "PATH", description = "java executable for the services. Default: the one running the bench")
  String java;

  @Option(names = "--jvm-opts", paramLabel = "FLAGS", defaultValue = DEFAULT_JVM_OPTS,
      description = "JVM flags for the services, one string. Default: ${DEFAULT-VALUE}")
  String jvmOpts;

  @Option(names = "--profile", paramLabel = "LIST",
      description = "JVM profiles every Java service is measured under, each its own process and row: default "
          + "(--jvm-opts), lean (@lean.jvm, plus @lean-jdk25.jvm on JDK 25+), lean-c2 (lean with C2 kept: "
          + "-XX:TieredStopAtLevel=4); both = default,lean; all = the three; comma-separated. "
          + "Default: both, under --quick default")
  String profile;

  @Option(names = "--sweep-heap", paramLabel = "SIZES",
      description = "On ping and user, also measure lean-c2 with each -Xmx, e.g. 16m,32m,64m,256m (-Xms8m, or the "
          + "size if smaller). Default: none")
  String sweepHeap;

  @Option(names = "--target", paramLabel = "NAME=URL", mapFallbackValue = "",
      description = "Also measure an already-running implementation with the same load (repeatable); "
          + "SCENARIO:NAME=URL limits it to one scenario, e.g. --target go=http://127.0.0.1:9000")
  Map<String, String> targets = new LinkedHashMap<>();

  @Option(names = "--tool", defaultValue = LoadDrivers.AUTO, description = "HTTP load tool: auto (wrk if on the PATH), wrk or builtin. Default: ${DEFAULT-VALUE}")
  String tool;

  @Option(names = "--rate", paramLabel = "REQ_PER_S", defaultValue = "0",
      description = "Constant total request rate instead of closed loop (built-in generator; latency from intended send time)")
  int rate;

  @Option(names = "--redis", paramLabel = "URL",
      description = "Redis for the data and user scenarios, seeded with the standard keys (overwrites cache:* and user:* ids 1..10000). Default: an embedded redis-server per scenario")
  String redis;

  @Option(names = "--upstream-port", paramLabel = "PORT", defaultValue = "0",
      description = "Fixed port for the data scenario's upstream stub, so --target peers can be pointed at it before the run (with --redis for a shared Redis). Default: a free port")
  int upstreamPort;

  @Option(names = "--peers", paramLabel = "LIST",
      description = "Also start, verify and measure the Go and Python peers (peers/, see bench peers): families go, "
          + "python (or fastapi: CPython), pypy, peer names, or all; comma-separated. A peer whose toolchain is missing "
          + "is reported with the command that installs it. Default: none (Java only)")
  String peers;

  @Option(names = "--rounds", paramLabel = "N",
      description = "Measure every implementation N times, interleaved, the order rotated each round (each after its own "
          + "warm-up; the figures are the rounds' median with their spread). Default: 1 under --quick, else 3 "
          + "(push and push-scale 1)")
  Integer rounds;

  @Option(names = "--repo", paramLabel = "DIR", description = "Repository holding <module>/target/<module>.jar. Default: found from the working directory or the bench jar")
  Path repo;

  private final ServiceLocation servicesOverride;
  private final List<Peer> catalog;

  public RunCommand() {
    this(null);
  }

  /** For tests: services started from classes on the class path instead of built jars. */
  public RunCommand(ServiceLocation services) {
    this(services, PeerCatalog.all());
  }

  /** For tests: also stand-in peers instead of the real ones. */
  public RunCommand(ServiceLocation services, List<Peer> catalog) {
    this.servicesOverride = services;
    this.catalog = List.copyOf(catalog);
  }

  @Override
  public Integer call() throws Exception {
    Path root = repo != null ? repo.toAbsolutePath() : RepoRoot.find();
    ServiceLocation services = servicesOverride != null ? servicesOverride : ServiceLocation.jars(root);
    if (list) {
      ScenarioTable.print(System.out, services);
      return 0;
    }
    List<Scenario> chosen = choose();
    Map<String, String> skipped = new LinkedHashMap<>();
    if (names.isEmpty()) {
      for (Scenario scenario : chosen) {
        scenario.modules().stream().filter(m -> !services.has(m)).findFirst().ifPresent(missing -> skipped.put(
            scenario.name(), missing + " is not built (./mvnw -q -pl " + missing + " -am package -DskipTests)"));
      }
    }
    if (rounds != null && (rounds < 1 || rounds > MAX_ROUNDS)) {
      throw new ParameterException(spec.commandLine(), "--rounds must be 1.." + MAX_ROUNDS + ", not " + rounds);
    }
    List<Target> parsedTargets = parseTargets();
    Peers chosenPeers = new Peers(parsePeers(), root);
    LoadDrivers drivers = new LoadDrivers(tool);
    String javaPath = java != null ? java : JvmLauncher.currentJava();
    List<String> flags = jvmOpts.isBlank() ? List.of() : List.of(jvmOpts.trim().split("\\s+"));
    List<String> profileNames = parseProfiles();
    List<HeapSize> sweepSizes = parseSweep();
    String javaVersion = Environment.javaVersion(javaPath);
    JvmLauncher launcher = launcher(javaPath, flags, profileNames, sweepSizes, root, JvmProfiles.javaFeature(javaVersion), services);
    RunDirectory dir = RunDirectory.create(out);
    Progress progress = Progress.toStderr();
    RunSettings settings = new RunSettings(launcher, drivers, dir.path(), quick,
        rate, parsedTargets, progress, redis, upstreamPort, chosenPeers, rounds == null ? 0 : rounds);

    Map<String, Object> runSettings = settings(drivers, parsedTargets, chosenPeers);
    runSettings.put(RunResult.JVM_PROFILES, profileSettings(launcher));
    Runner.RunHeader header = new Runner.RunHeader(Environment.machine(), new RunResult.Jvm(javaPath, javaVersion, flags),
        Environment.git(root), runSettings);
    progress.line("bench", "results: " + dir.path() + "; load tool: " + drivers.closedLoopTool()
        + "; services on " + javaVersion + ", JVM profiles " + String.join(", ", profileNames)
        + (sweepSizes.isEmpty() ? "" : " and heap sweep " + sweepHeap));
    Stream.concat(launcher.profiles().stream(), launcher.sweep().stream()).forEach(p ->
        progress.line("bench", "JVM profile " + p.name() + " (" + p.source() + "): " + String.join(" ", p.flags())));
    RunResult result = new Runner(settings, header, dir).run(chosen, skipped);
    progress.line("bench", "done: " + dir.path().resolve("report.md") + " and report.html");
    return exitStatus(result);
  }

  /**
   * 1 when a scenario failed or any implementation it was to measure did (failed its contract checks, could not
   * start, answered nothing): the figures of such a run are incomplete, and a script or CI must see it.
   */
  static int exitStatus(RunResult result) {
    boolean failed = result.scenarios().stream().anyMatch(s -> ScenarioResult.FAILED.equals(s.status())
        || s.measurements().stream().anyMatch(m -> Measurement.FAILED.equals(m.status())));
    return failed ? 1 : 0;
  }

  private List<String> parseProfiles() {
    try {
      return JvmProfiles.parseNames(profile != null ? profile : quick ? QUICK_RUN_PROFILES : FULL_RUN_PROFILES);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private List<HeapSize> parseSweep() {
    try {
      return sweepHeap == null ? List.of() : JvmProfiles.parseSizes(sweepHeap);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private JvmLauncher launcher(String javaPath, List<String> flags, List<String> profileNames, List<HeapSize> sweepSizes,
                               Path root, int javaFeature, ServiceLocation services) {
    try {
      List<JvmProfile> profiles = JvmProfiles.of(profileNames, flags, root, javaFeature);
      return new JvmLauncher(javaPath, flags, profiles, JvmProfiles.sweep(sweepSizes, root, javaFeature), services);
    } catch (IOException e) {
      throw new ParameterException(spec.commandLine(), "--profile: " + e.getMessage());
    }
  }

  /** Each profile's flags and their source, for results.json and the report's JVM flags section. */
  private static Map<String, Object> profileSettings(JvmLauncher launcher) {
    Map<String, Object> profiles = new LinkedHashMap<>();
    Stream.concat(launcher.profiles().stream(), launcher.sweep().stream())
        .forEach(p -> profiles.put(p.name(), Map.of("source", p.source(), "flags", p.flags())));
    return profiles;
  }

  private List<Scenario> choose() {
    if (names.isEmpty()) {
      return Scenarios.all();
    }
    List<Scenario> chosen = new ArrayList<>();
    for (String name : names) {
      chosen.add(Scenarios.named(name).orElseThrow(() -> new ParameterException(spec.commandLine(),
          "unknown scenario '" + name + "'; known: " + Scenarios.all().stream().map(Scenario::name).toList())));
    }
    return chosen;
  }

  private List<Target> parseTargets() {
    List<Target> parsed = new ArrayList<>();
    for (Map.Entry<String, String> entry : targets.entrySet()) {
      try {
        parsed.add(Target.parse(entry.getKey(), entry.getValue()));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
    }
    return parsed;
  }

  private List<Peer> parsePeers() {
    if (peers == null || peers.isBlank()) {
      return List.of();
    }
    try {
      return PeerCatalog.select(peers, catalog);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private Map<String, Object> settings(LoadDrivers drivers, List<Target> parsedTargets, Peers chosenPeers) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("quick", quick);
    map.put("tool_requested", tool);
    map.put("tool_closed_loop", drivers.closedLoopTool());
    map.put("rate", rate);
    map.put("rounds", rounds == null ? "default" : rounds);
    map.put("load_generator_on_same_machine", parsedTargets.stream().allMatch(t -> LoadPlacement.sameMachine(t.url())));
    map.put("bench_jvm", Environment.benchJvm());
    drivers.wrk().flatMap(Environment::wrkVersion).ifPresent(version -> map.put("wrk_version", version));
    if (redis != null) {
      map.put("redis_version", RedisVersion.orUnknown(redis));
    }
    Map<String, String> targetMap = new LinkedHashMap<>();
    parsedTargets.forEach(t -> targetMap.put(t.scenario() == null ? t.name() : t.scenario() + ":" + t.name(), t.url()));
    map.put("targets", targetMap);
    map.put("peers", chosenPeers.selected().stream().map(Peer::label).toList());
    return map;
  }
}
