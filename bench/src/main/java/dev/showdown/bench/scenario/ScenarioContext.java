package dev.showdown.bench.scenario;

import dev.showdown.bench.latency.LatencyLog;
import dev.showdown.bench.load.HttpLoad;
import dev.showdown.bench.load.LoadDriver;
import dev.showdown.bench.load.LoadListener;
import dev.showdown.bench.load.LoadResult;
import dev.showdown.bench.peer.HealthPoll;
import dev.showdown.bench.peer.Peer;
import dev.showdown.bench.peer.PeerCommand;
import dev.showdown.bench.process.ChildProcess;
import dev.showdown.bench.process.JvmProfile;
import dev.showdown.bench.process.ResourceSampler;
import dev.showdown.bench.result.Credentials;
import dev.showdown.bench.result.Figure;
import dev.showdown.bench.result.Measurement;
import dev.showdown.bench.stats.RoundOrder;
import dev.showdown.bench.verify.HttpCase;
import dev.showdown.bench.verify.HttpVerifier;
import dev.showdown.bench.verify.Verification;
import dev.showdown.bench.verify.Verifier;
import dev.showdown.kit.ServiceMain;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * What a running scenario may use: start child processes (stopped when the scenario ends, whatever happens),
 * verify each implementation against docs/contract.md, put HTTP load on the service and on every
 * {@code --target}, sample a process's RSS and CPU, and record figures for the report.
 *
 * <p>The Java services of a module: {@link #startJavaServices(String, String...)} starts one process per JVM
 * profile of the run ({@code --profile}, plus the {@code --sweep-heap} sizes when {@link Scenario#sweepsHeap()}),
 * each a {@link JavaService} whose {@code implementation()} is its row ({@code java-vertx},
 * {@code java-vertx (lean)}, ...); make one {@link Contender} of each, with the service's process as the sampled
 * one, and measure them in {@link #measureInRounds} beside the peers. {@link #compareHttp} does all of that for an
 * HTTP scenario; a scenario that starts its processes itself loops over {@link #javaProfiles()} with
 * {@link #startJavaService}. Every measurement of a process started either way records the profile's name and
 * exact flags in its notes ({@link #JVM_PROFILE_NOTE}, {@link #JVM_FLAGS_NOTE}). {@link #startService} starts a
 * single instance on the default profile ({@code --jvm-opts}), whatever {@code --profile} says. A scenario
 * with contenders of its own, e.g.:
 * <pre>{@code
 * for (JavaService java : context.startJavaServices(MODULE)) {
 *   contenders.add(new Contender(java.implementation(), ScenarioContext.SERVICE, java.url(), java.process(), window));
 * }
 * context.measureInRounds(contenders);
 * }</pre>
 */
public final class ScenarioContext implements AutoCloseable {
  /** The name the report gives the Java service the bench starts. */
  public static final String JAVA = "java-vertx";
  public static final String SERVICE = "service";
  public static final String PEER = "peer";
  public static final String TARGET = "target";

  /** In a Java service's measurement notes: the name of the JVM profile it ran under, e.g. {@code lean-c2}. */
  public static final String JVM_PROFILE_NOTE = "jvm_profile";
  /** In a Java service's measurement notes: the exact JVM flags it ran with, space-separated. */
  public static final String JVM_FLAGS_NOTE = "jvm_flags";
  /** In a Java service's measurement notes: where its profile's flags come from, e.g. {@code lean.jvm}. */
  public static final String JVM_FLAGS_SOURCE_NOTE = "jvm_flags_source";

  /** Rounds of a full run when neither {@code --rounds} nor the scenario says otherwise. */
  public static final int FULL_RUN_ROUNDS = 3;

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final Scenario scenario;
  private final RunSettings settings;
  private final List<Measurement> measurements = new ArrayList<>();
  private final Deque<AutoCloseable> toClose = new ArrayDeque<>();
  private final Map<String, String> commonNotes = new LinkedHashMap<>();
  private final Map<ChildProcess, JvmProfile> profileOf = new java.util.IdentityHashMap<>();

  public ScenarioContext(Scenario scenario, RunSettings settings) {
    this.scenario = scenario;
    this.settings = settings;
  }

  /** True under {@code --quick}: the scenario should keep every phase to a few seconds. */
  public boolean quick() {
    return settings.quick();
  }

  /** The run's {@code --upstream-port}: where an upstream stub listens (0: a free port). */
  public int upstreamPort() {
    return settings.upstreamPort();
  }

  /** The run's {@code --redis}, if given; without it a scenario that needs Redis starts an embedded one. */
  public Optional<String> redisUrl() {
    return Optional.ofNullable(settings.redisUrl());
  }

  /** The {@code --target}s that apply to this scenario. */
  public List<Target> targets() {
    return settings.targets().stream().filter(t -> t.appliesTo(scenario.name())).toList();
  }

  /** The {@code --peers} that serve this scenario. */
  public List<Peer> peers() {
    return settings.peers().forScenario(scenario.name());
  }

  /**
   * Whether {@code peer} can run here (its toolchain checked, and built, once per run). When not, it is recorded
   * as not measured with the reason, {@code not available: <install command>}, and false says to go on.
   */
  public boolean peerAvailable(Peer peer) {
    String unavailable = settings.peers().unavailable(peer);
    if (unavailable == null) {
      return true;
    }
    phase(peer.name() + ": " + unavailable);
    record(Measurement.skipped(peer.name(), PEER, unavailable));
    return false;
  }

  /**
   * Starts {@code peer} from the repository root, on loopback and a free port, with {@code values} for its other
   * placeholders ({@code PeerCommand.REDIS}, ...); returns once it printed its ready line and, for an HTTP or push
   * peer, answers {@code GET /health}. {@code name} tells the logs of several instances apart. Stopped (with every
   * process under it) when the scenario ends.
   */
  public ChildProcess startPeer(String name, Peer peer, Map<String, String> values) throws Exception {
    Map<String, String> all = new LinkedHashMap<>(values);
    all.put(PeerCommand.HOST, "127.0.0.1");
    all.putIfAbsent(PeerCommand.PORT, "0");
    phase("starting " + peer.label());
    ChildProcess child = closeLater(ChildProcess.start(name, peerCommand(peer, all), settings.peers().repo(),
        workDir().resolve(name + ".log"), READY_TIMEOUT));
    if (peer.kind().healthEndpoint()) {
      HealthPoll.await(child.url(), READY_TIMEOUT);
    }
    return child;
  }

  /** {@code peer}'s command line for {@code values}, to run from {@link #repoRoot()} (one-shot peers run it themselves). */
  public List<String> peerCommand(Peer peer, Map<String, String> values) {
    return settings.peers().command(peer, values);
  }

  /** The repository the services and peers are in: where peers and one-shot commands run. */
  public Path repoRoot() {
    return settings.peers().repo();
  }

  /** A directory of this run where the scenario may write files (logs of its children go there too). */
  public Path workDir() {
    return settings.runDir().resolve("work").resolve(scenario.name());
  }

  /** {@code name} as a file name: every run of other characters one {@code -}, e.g. {@code java-vertx-lean-c2-Xmx16m}. */
  public static String fileSafe(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("-{2,}", "-");
  }

  /** Prints one progress line under the scenario's name. */
  public void phase(String text) {
    settings.progress().line(scenario.name(), text);
  }

  /**
   * Starts {@code <module>/target/<module>.jar} on {@code --java} with {@code --jvm-opts} (the default profile,
   * whatever {@code --profile} says), on loopback and a free port, plus {@code args}; returns once it printed its
   * ready line. Stopped when the scenario ends.
   */
  public ChildProcess startService(String module, String... args) throws Exception {
    return startServiceNamed(module, module, args);
  }

  /** As {@link #startService}, for one of several instances of a module: {@code name} tells their logs apart. */
  public ChildProcess startServiceNamed(String name, String module, String... args) throws Exception {
    return startJavaService(name, module, settings.launcher().defaultProfile(), args);
  }

  /**
   * The JVM profiles this scenario measures each of its Java services under: {@code --profile}'s, then, when the
   * scenario sweeps the heap, one per {@code --sweep-heap} size.
   */
  public List<JvmProfile> javaProfiles() {
    List<JvmProfile> profiles = new ArrayList<>(settings.launcher().profiles());
    if (scenario.sweepsHeap()) {
      profiles.addAll(settings.launcher().sweep());
    }
    return profiles;
  }

  /** One {@code module} service per {@link #javaProfiles()} profile, with {@code args}, in rows named {@code java-vertx (<profile>)}. */
  public List<JavaService> startJavaServices(String module, String... args) throws Exception {
    return startJavaServicesNamed(JAVA, module, module, args);
  }

  /**
   * As {@link #startJavaServices(String, String...)} for a second kind of instance of a module: rows
   * {@code implementation (<profile>)}, logs {@code name-<profile>.log}. A profile under which the service cannot
   * start (a sweep's heap too small for it) is recorded failed with the reason while the others go on; when none
   * starts, the first failure is thrown.
   */
  public List<JavaService> startJavaServicesNamed(String implementation, String name, String module, String... args) throws Exception {
    List<JavaService> services = new ArrayList<>();
    Map<String, Exception> failed = new LinkedHashMap<>();
    for (JvmProfile profile : javaProfiles()) {
      String processName = profile.isDefault() ? name : fileSafe(name + "-" + profile.name());
      String row = profile.row(implementation);
      try {
        services.add(new JavaService(row, profile, startJavaService(processName, module, profile, args)));
      } catch (Exception e) {
        phase(row + ": cannot start: " + ServiceMain.reason(e));
        failed.put(row, e);
      }
    }
    if (services.isEmpty() && !failed.isEmpty()) {
      throw failed.values().iterator().next();
    }
    failed.forEach((row, e) -> record(Measurement.failed(row, SERVICE, null, "cannot start: " + ServiceMain.reason(e))));
    return services;
  }

  /**
   * Starts one {@code module} service under {@code profile}, on loopback and a free port, plus {@code args};
   * {@code name} tells the logs apart. Its measurements note the profile and its flags.
   */
  public ChildProcess startJavaService(String name, String module, JvmProfile profile, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", "0"));
    all.addAll(List.of(args));
    phase("starting " + name + (profile.isDefault() ? "" : " (JVM profile " + profile.name() + ")"));
    ChildProcess child = startProcess(name, settings.launcher().service(module, profile, all));
    synchronized (this) {
      profileOf.put(child, profile);
    }
    return child;
  }

  /** {@code java <--jvm-opts> -jar <module jar>} (or its class path form): a module's command line before its arguments. */
  public List<String> serviceCommand(String module) throws Exception {
    return settings.launcher().service(module, List.of());
  }

  /** Starts one of the bench's own subcommands (a stub, a seeder) as a child JVM; it must print a ready line. */
  public ChildProcess startHelper(String subcommand, String... args) throws Exception {
    phase("starting helper " + subcommand);
    return startProcess(subcommand, settings.launcher().benchSubcommand(subcommand, List.of(args)));
  }

  /** Starts any command that prints {@code <name> listening on host:port} when ready. */
  public ChildProcess startProcess(String name, List<String> command) throws Exception {
    Path log = workDir().resolve(name + ".log");
    return closeLater(ChildProcess.start(name, command, log, READY_TIMEOUT));
  }

  /** Closes {@code resource} when the scenario ends (last registered, first closed), even if it fails. */
  public <T extends AutoCloseable> T closeLater(T resource) {
    toClose.push(resource);
    return resource;
  }

  /** The load actually run for a standard one: shortened under {@code --quick}, at {@code --rate} if given. */
  public HttpLoad effective(HttpLoad standard) {
    HttpLoad load = settings.quick() ? standard.quick() : standard;
    return settings.rate() > 0 ? load.withRate(settings.rate()) : load;
  }

  /**
   * Verifies each of {@code services} (the bench's child JVMs, one per profile), then every peer (started with
   * {@code peerValues}: the scenario's Redis and upstream), then every target against {@code contract}, and
   * measures each that passed under the same load, in rounds.
   */
  public void compareHttp(List<JavaService> services, HttpLoad standard, List<HttpCase> contract, Map<String, String> peerValues) {
    List<Contender> contenders = new ArrayList<>();
    for (JavaService service : services) {
      addIfVerified(contenders, http(service.implementation(), SERVICE, service.url(), standard, service.process()), contract);
    }
    for (Peer peer : peers()) {
      if (!peerAvailable(peer)) {
        continue;
      }
      try {
        ChildProcess child = startPeer(peer.name(), peer, peerValues);
        addIfVerified(contenders, http(peer.name(), PEER, child.url(), standard, child), contract);
      } catch (Exception e) {
        recordCannotStart(peer, e);
      }
    }
    for (Target target : targets()) {
      addIfVerified(contenders, http(target.name(), TARGET, target.url(), standard, null), contract);
    }
    measureInRounds(contenders);
  }

  private void addIfVerified(List<Contender> contenders, Contender contender, List<HttpCase> contract) {
    String name = contender.implementation();
    if (verified(name, contender.kind(), contender.url(), new HttpVerifier(name + " " + contender.url(), contender.url(), contract))) {
      contenders.add(contender);
    }
  }

  /** An HTTP implementation under the effective load (wrk or the built-in generator, by {@code --tool}/{@code --rate}). */
  public Contender http(String implementation, String kind, String url, HttpLoad standard, ChildProcess sampled) {
    HttpLoad load = effective(standard);
    LoadDriver driver = settings.drivers().forLoad(load);
    return new Contender(implementation, kind, url, sampled, listener -> {
      phase(implementation + ": " + driver.name() + " " + describe(load) + " on " + url);
      LoadResult result = driver.run(URI.create(url), load, listener);
      if (result.requests() == 0) {
        return WindowResult.failed("no request was answered (" + result.errors() + " socket errors)");
      }
      Map<String, Object> loadSettings = load.describe();
      loadSettings.put("tool", driver.name());
      List<Figure> figures = new ArrayList<>(result.figures());
      figures.add(perCore(result.qps()));
      return WindowResult.ok(driver.name(), loadSettings, figures, result.requests());
    });
  }

  /** {@code qps} per core of this machine, as the reports show beside it. */
  public static Figure perCore(double qps) {
    return Figure.of(Figure.QPS_PER_CORE, qps / Runtime.getRuntime().availableProcessors(), Figure.REQ_PER_S);
  }

  /** How many rounds this scenario measures: {@code --rounds}, else 1 under {@code --quick}, else its full-run default. */
  public int rounds() {
    return settings.rounds() > 0 ? settings.rounds() : settings.quick() ? 1 : scenario.fullRunRounds();
  }

  /** Adds a note to every measurement this scenario records from now on, e.g. the Redis version it ran on. */
  public synchronized void noteForAll(String key, String value) {
    commonNotes.put(key, value);
  }

  /**
   * The one measurement path: every contender {@link #rounds()} times, interleaved, each round in the order
   * {@link RoundOrder} rotates to; each window after its own warm-up, with its process's RSS/CPU, the machine's
   * load and the latencies of the window. One measurement per contender, its figures one value per round. A
   * contender whose window fails is recorded failed with that round's reason and left out of later rounds.
   */
  public void measureInRounds(List<Contender> contenders) {
    int rounds = rounds();
    Map<Contender, List<WindowResult>> results = new LinkedHashMap<>();
    Map<Contender, String> failures = new LinkedHashMap<>();
    contenders.forEach(c -> results.put(c, new ArrayList<>()));
    for (int round = 0; round < rounds; round++) {
      List<Contender> order = RoundOrder.of(contenders, round).stream().filter(c -> !failures.containsKey(c)).toList();
      for (Contender contender : order) {
        if (rounds > 1) {
          phase("round " + (round + 1) + "/" + rounds + ": " + contender.implementation());
        }
        WindowResult result = window(contender, round, rounds);
        if (result.ok()) {
          results.get(contender).add(result);
          phase(contender.implementation() + ": " + (result.summary() != null ? result.summary() : summary(result.figures())));
        } else {
          String reason = rounds > 1 ? "round " + (round + 1) + ": " + result.failure() : result.failure();
          failures.put(contender, reason);
          phase(contender.implementation() + ": FAILED: " + reason);
        }
      }
    }
    for (Contender contender : contenders) {
      String failure = failures.get(contender);
      record(failure != null
          ? Measurement.failed(contender.implementation(), contender.kind(), contender.url(), failure)
          : merged(contender, results.get(contender)));
    }
  }

  private WindowResult window(Contender contender, int round, int rounds) {
    ChildProcess sampled = contender.sampled();
    SamplingListener listener = samplingListener(contender.implementation(), sampled);
    try {
      WindowResult result = contender.window().run(listener);
      ResourceSampler.Usage usage = listener.usage();
      if (sampled != null && !sampled.isAlive()) {
        return WindowResult.failed(sampled.name() + " died during the load" + sampled.lastLines());
      }
      if (!result.ok()) {
        return result;
      }
      List<Figure> figures = new ArrayList<>(result.figures());
      figures.addAll(resourceFigures(usage));
      if (usage != null && result.requests() > 0) {
        figures.add(Figure.of(Figure.CPU_PER_1K, usage.cpuSeconds() / result.requests() * 1000, Figure.S));
      }
      listener.machine().ifPresent(machine -> figures.addAll(machine.figures()));
      Map<String, String> notes = new LinkedHashMap<>(result.notes());
      listener.latencies().ifPresent(log -> saveLatencies(log, contender, round, rounds, notes));
      return result.withFigures(figures).withNotes(notes);
    } catch (Exception e) {
      listener.stop();
      if (sampled != null && !sampled.isAlive()) {
        return WindowResult.failed(sampled.name() + " died during the load" + sampled.lastLines());
      }
      return WindowResult.failed(e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }

  /** Writes a window's latencies under {@code work/<scenario>/latency/}; the note holds the path from the run folder. */
  private void saveLatencies(LatencyLog log, Contender contender, int round, int rounds, Map<String, String> notes) {
    String name = fileSafe(contender.implementation()) + (rounds > 1 ? "-round" + (round + 1) : "");
    try {
      Path dir = Files.createDirectories(workDir().resolve("latency"));
      notes.put(LatencyLog.NOTE, settings.runDir().relativize(log.save(dir, name)).toString());
    } catch (IOException e) {
      phase("cannot save the latencies of " + contender.implementation() + ": " + e.getMessage());
    }
  }

  /**
   * One measurement of every round's window: the figures round by round, the load of the first round plus the
   * number of rounds, the process's notes, and the latency log of the last round (every round's in
   * {@code latency_logs}).
   */
  private Measurement merged(Contender contender, List<WindowResult> windows) {
    WindowResult first = windows.get(0);
    Map<String, Object> load = new LinkedHashMap<>(first.load());
    load.put("rounds", windows.size());
    Map<String, String> notes = new LinkedHashMap<>(notes(contender.sampled()));
    synchronized (this) {
      notes.putAll(profileNotes(profileOf.get(contender.sampled())));
      notes.putAll(commonNotes);
    }
    windows.forEach(w -> notes.putAll(w.notes()));
    List<String> logs = windows.stream().map(w -> w.notes().get(LatencyLog.NOTE)).filter(java.util.Objects::nonNull).toList();
    if (logs.size() > 1) {
      notes.put("latency_logs", String.join(" ", logs));
    }
    return new Measurement(contender.implementation(), contender.kind(), contender.url(), first.tool(), load,
        Measurement.OK, null, RoundFigures.merge(windows.stream().map(WindowResult::figures).toList()), notes);
  }

  /**
   * Checks an implementation against docs/contract.md before it is measured. When it fails it is recorded as
   * failed with the first difference, and false says not to measure it. Every check goes to
   * {@code work/<scenario>/verify.log}.
   */
  public boolean verified(String implementation, String kind, String url, Verifier verifier) {
    phase(implementation + ": checking against docs/contract.md");
    return accepted(implementation, kind, url, verifier.verify());
  }

  /** Records that {@code peer} could not be started, with the reason (its last lines are in it). */
  public void recordCannotStart(Peer peer, Exception e) {
    String reason = "cannot start: " + ServiceMain.reason(e);
    phase(peer.name() + ": " + reason);
    record(Measurement.failed(peer.name(), PEER, null, reason));
  }

  /** As {@link #verified}, for a verification already made (several run side by side). */
  public boolean accepted(String implementation, String kind, String url, Verification verification) {
    try {
      Files.createDirectories(workDir());
      Files.write(workDir().resolve("verify.log"), verification.lines().stream().map(Credentials::mask).toList(),
          StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      phase("cannot write verify.log: " + e.getMessage());
    }
    if (verification.passed()) {
      int checks = verification.checks().size();
      phase(implementation + ": passed " + checks + (checks == 1 ? " contract check" : " contract checks"));
      return true;
    }
    phase(implementation + ": FAILED: " + verification.reason());
    record(Measurement.failed(implementation, kind, url, verification.reason()));
    return false;
  }

  /** RSS and CPU figures of a sampled window, for scenarios that drive their own load. */
  public static List<Figure> resourceFigures(ResourceSampler.Usage usage) {
    if (usage == null) {
      return List.of();
    }
    List<Figure> figures = new ArrayList<>();
    figures.add(Figure.of(Figure.RSS_PEAK, usage.peakRssBytes() / 1e6, Figure.MB));
    figures.add(Figure.of(Figure.RSS_AVG, usage.meanRssBytes() / 1e6, Figure.MB));
    if (usage.peakPssBytes() > 0) {
      figures.add(Figure.of(Figure.PSS_PEAK, usage.peakPssBytes() / 1e6, Figure.MB));
    }
    figures.add(Figure.of(Figure.CPU_TIME, usage.cpuSeconds(), Figure.S));
    if (!Double.isNaN(usage.coresBusy())) {
      figures.add(Figure.of(Figure.CPU_BUSY, usage.coresBusy(), Figure.CORES));
    }
    return figures;
  }

  /** What the report says about a child: its pid, log, and the start-up lines (transport, JDK, flags). */
  public static Map<String, String> notes(ChildProcess child) {
    if (child == null) {
      return Map.of();
    }
    Map<String, String> notes = new LinkedHashMap<>();
    notes.put("pid", Long.toString(child.pid()));
    notes.put("command", String.join(" ", child.command().stream()
        .map(arg -> arg.length() > 120 ? "<class path>" : arg).toList()));
    notes.put("startup", String.join(" | ", child.startupLines()));
    notes.put("log", child.log().toString());
    return notes;
  }

  /** What a Java service's measurement says about its JVM profile; nothing for a process started otherwise. */
  private static Map<String, String> profileNotes(JvmProfile profile) {
    if (profile == null) {
      return Map.of();
    }
    Map<String, String> notes = new LinkedHashMap<>();
    notes.put(JVM_PROFILE_NOTE, profile.name());
    notes.put(JVM_FLAGS_NOTE, String.join(" ", profile.flags()));
    notes.put(JVM_FLAGS_SOURCE_NOTE, profile.source());
    return notes;
  }

  /** Starts sampling the RSS and CPU of {@code child} and every process under it; stop it when the measured window ends. */
  public ResourceSampler sample(ChildProcess child) throws Exception {
    return ResourceSampler.startTree(child.pid());
  }

  /**
   * A load listener that shows the load's phases as tickers and samples {@code sampled}'s RSS and CPU over the
   * measured window only ({@code sampled} may be null): for scenarios that drive a load generator of their own.
   */
  private SamplingListener samplingListener(String implementation, ChildProcess sampled) {
    return new SamplingListener(settings.progress(), scenario.name(), implementation, sampled,
        failure -> phase("cannot sample " + sampled.name() + ": " + failure.getMessage()));
  }

  /** Adds a measurement to this scenario's results. */
  public synchronized void record(Measurement measurement) {
    measurements.add(measurement);
  }

  /**
   * What was recorded, the measured ones first: an implementation that failed its check or could not start is
   * known before the rounds begin, but the tables read better with the figures on top. Otherwise in recorded order.
   */
  public synchronized List<Measurement> measurements() {
    return measurements.stream().sorted(java.util.Comparator.comparing(m -> !m.ok())).toList();
  }

  /** Shows a ticker for a phase the scenario times itself (e.g. a push window). */
  public Progress.Ticker ticker(String label, Duration length, LongSupplier completed) {
    return settings.progress().ticker(scenario.name(), label, length, completed);
  }

  /** Stops everything the scenario started, in reverse order. */
  @Override
  public void close() {
    while (!toClose.isEmpty()) {
      try {
        toClose.pop().close();
      } catch (Exception e) {
        phase("while stopping: " + e.getMessage());
      }
    }
  }

  private static String describe(HttpLoad load) {
    String mode = load.constantRate() ? " at " + load.rate() + " req/s" : "";
    return "-c" + load.connections() + " " + load.duration().toSeconds() + "s" + mode
        + " (warm-up " + load.warmup().toSeconds() + "s)";
  }

  /** The usual progress line of a window: whatever of rate, latency, errors and RSS it has. */
  static String summary(List<Figure> figures) {
    List<String> parts = new ArrayList<>();
    for (String name : List.of(Figure.QPS, Figure.P50, Figure.P99, Figure.ERRORS, Figure.NON_2XX, Figure.LOADER_CPU_BUSY,
        Figure.RSS_PEAK, Figure.CPU_PER_1K)) {
      figures.stream().filter(f -> f.name().equals(name)).findFirst()
          .ifPresent(f -> parts.add(name + " " + String.format(java.util.Locale.ROOT, "%,.2f", f.value()) + " " + f.unit()));
    }
    return String.join(", ", parts);
  }
}
