package dev.showdown.bench.scenario;

import dev.showdown.bench.load.HttpLoad;
import dev.showdown.bench.load.LoadDriver;
import dev.showdown.bench.load.LoadListener;
import dev.showdown.bench.load.LoadResult;
import dev.showdown.bench.peer.HealthPoll;
import dev.showdown.bench.peer.Peer;
import dev.showdown.bench.peer.PeerCommand;
import dev.showdown.bench.process.ChildProcess;
import dev.showdown.bench.process.ResourceSampler;
import dev.showdown.bench.result.Credentials;
import dev.showdown.bench.result.Figure;
import dev.showdown.bench.result.Measurement;
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
 */
public final class ScenarioContext implements AutoCloseable {
  /** The name the report gives the Java service the bench starts. */
  public static final String JAVA = "java-vertx";
  public static final String SERVICE = "service";
  public static final String PEER = "peer";
  public static final String TARGET = "target";

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final Scenario scenario;
  private final RunSettings settings;
  private final List<Measurement> measurements = new ArrayList<>();
  private final Deque<AutoCloseable> toClose = new ArrayDeque<>();

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

  /** Prints one progress line under the scenario's name. */
  public void phase(String text) {
    settings.progress().line(scenario.name(), text);
  }

  /**
   * Starts {@code <module>/target/<module>.jar} on {@code --java} with {@code --jvm-opts}, on loopback and a free
   * port, plus {@code args}; returns once it printed its ready line. Stopped when the scenario ends.
   */
  public ChildProcess startService(String module, String... args) throws Exception {
    return startServiceNamed(module, module, args);
  }

  /** As {@link #startService}, for one of several instances of a module: {@code name} tells their logs apart. */
  public ChildProcess startServiceNamed(String name, String module, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", "0"));
    all.addAll(List.of(args));
    phase("starting " + name);
    return startProcess(name, settings.launcher().service(module, all));
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
   * Verifies {@code service} (the bench's child JVM), then every peer (started with {@code peerValues}: the
   * scenario's Redis and upstream), then every target against {@code contract}, and measures each that passed
   * under the same load.
   */
  public void compareHttp(ChildProcess service, HttpLoad standard, List<HttpCase> contract, Map<String, String> peerValues) {
    verifyThenMeasureHttp(JAVA, SERVICE, service.url(), standard, service, contract);
    for (Peer peer : peers()) {
      if (!peerAvailable(peer)) {
        continue;
      }
      try (ChildProcess child = startPeer(peer.name(), peer, peerValues)) {
        verifyThenMeasureHttp(peer.name(), PEER, child.url(), standard, child, contract);
      } catch (Exception e) {
        recordCannotStart(peer, e);
      }
    }
    for (Target target : targets()) {
      verifyThenMeasureHttp(target.name(), TARGET, target.url(), standard, null, contract);
    }
  }

  private void verifyThenMeasureHttp(String implementation, String kind, String url, HttpLoad standard,
                                     ChildProcess sampled, List<HttpCase> contract) {
    if (verified(implementation, kind, url, new HttpVerifier(implementation + " " + url, url, contract))) {
      measureHttp(implementation, kind, url, standard, sampled);
    }
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

  /**
   * Warms up and measures {@code url} under the effective load, sampling {@code sampled}'s RSS and CPU in the
   * measured window when it is not null, and records the result (or the reason it failed).
   */
  public Measurement measureHttp(String implementation, String kind, String url, HttpLoad standard, ChildProcess sampled) {
    HttpLoad load = effective(standard);
    LoadDriver driver = settings.drivers().forLoad(load);
    phase(implementation + ": " + driver.name() + " " + describe(load) + " on " + url);
    SamplingListener listener = samplingListener(implementation, sampled);
    Measurement measurement;
    try {
      LoadResult result = driver.run(URI.create(url), load, listener);
      ResourceSampler.Usage usage = listener.usage();
      measurement = measurement(implementation, kind, url, driver.name(), load, result, usage, sampled);
    } catch (Exception e) {
      listener.stop();
      String reason = e.getMessage() == null ? e.toString() : e.getMessage();
      if (sampled != null && !sampled.isAlive()) {
        reason = sampled.name() + " died during the load" + sampled.lastLines();
      }
      measurement = Measurement.failed(implementation, kind, url, reason);
    }
    record(measurement);
    phase(implementation + ": " + summary(measurement));
    return measurement;
  }

  private Measurement measurement(String implementation, String kind, String url, String tool, HttpLoad load,
                                  LoadResult result, ResourceSampler.Usage usage, ChildProcess sampled) {
    Map<String, Object> loadSettings = load.describe();
    loadSettings.put("tool", tool);
    if (sampled != null && !sampled.isAlive()) {
      return new Measurement(implementation, kind, url, tool, loadSettings, Measurement.FAILED,
          sampled.name() + " died during the load" + sampled.lastLines(), List.of(), Map.of());
    }
    if (result.requests() == 0) {
      return new Measurement(implementation, kind, url, tool, loadSettings, Measurement.FAILED,
          "no request was answered (" + result.errors() + " socket errors)", List.of(), Map.of());
    }
    List<Figure> figures = new ArrayList<>(result.figures());
    figures.add(Figure.of(Figure.QPS_PER_CORE, result.qps() / Runtime.getRuntime().availableProcessors(), Figure.REQ_PER_S));
    figures.addAll(resourceFigures(usage));
    return new Measurement(implementation, kind, url, tool, loadSettings, Measurement.OK, null, figures, notes(sampled));
  }

  /** RSS and CPU figures of a sampled window, for scenarios that drive their own load. */
  public static List<Figure> resourceFigures(ResourceSampler.Usage usage) {
    if (usage == null) {
      return List.of();
    }
    List<Figure> figures = new ArrayList<>();
    figures.add(Figure.of(Figure.RSS_PEAK, usage.peakRssBytes() / 1e6, Figure.MB));
    figures.add(Figure.of(Figure.RSS_AVG, usage.meanRssBytes() / 1e6, Figure.MB));
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

  /** Starts sampling the RSS and CPU of {@code child} and every process under it; stop it when the measured window ends. */
  public ResourceSampler sample(ChildProcess child) throws Exception {
    return ResourceSampler.startTree(child.pid());
  }

  /**
   * A load listener that shows the load's phases as tickers and samples {@code sampled}'s RSS and CPU over the
   * measured window only ({@code sampled} may be null): for scenarios that drive a load generator of their own.
   */
  public SamplingListener samplingListener(String implementation, ChildProcess sampled) {
    return new SamplingListener(settings.progress(), scenario.name(), implementation, sampled,
        failure -> phase("cannot sample " + sampled.name() + ": " + failure.getMessage()));
  }

  /** Adds a measurement to this scenario's results. */
  public synchronized void record(Measurement measurement) {
    measurements.add(measurement);
  }

  public synchronized List<Measurement> measurements() {
    return List.copyOf(measurements);
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

  private static String summary(Measurement m) {
    if (!m.ok()) {
      return "FAILED: " + m.reason();
    }
    return String.format(java.util.Locale.ROOT, "%,.0f req/s, p50 %.2f ms, p99 %.2f ms, errors %.0f, non-2xx %.0f%s",
        value(m, Figure.QPS), value(m, Figure.P50), value(m, Figure.P99), value(m, Figure.ERRORS), value(m, Figure.NON_2XX),
        m.figure(Figure.RSS_PEAK).map(f -> String.format(java.util.Locale.ROOT, ", RSS peak %.0f MB", f.value())).orElse(""));
  }

  private static double value(Measurement m, String name) {
    return m.figure(name).map(Figure::value).orElse(Double.NaN);
  }
}
