package dev.showdown.bench.logparse;

import dev.showdown.bench.result.Figure;
import dev.showdown.bench.scenario.ScenarioContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The cold count: whole {@code uv FILE} processes from start to exit. The Java command line runs as configured,
 * with an AppCDS archive, with AppCDS plus start-up flags, and through the shipped launcher
 * ({@code logparse-service/bin/logparse}); a peer's runs as it is.
 */
final class ColdUv {
  /** Flags that trade peak speed for start-up: C1 only, the serial collector. */
  static final List<String> STARTUP_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
  static final String LAUNCHER = "logparse-service/bin/logparse";

  private ColdUv() {
  }

  /** The Java command line's variants, {@code java} being the service's command up to its arguments. */
  static void javaVariants(ScenarioContext context, List<String> java, Path file, UvAnswer expected) throws Exception {
    Path archive = context.workDir().resolve("logparse-uv.jsa");
    Path startupArchive = context.workDir().resolve("logparse-uv-startup.jsa");
    List<String> startup = new ArrayList<>(STARTUP_FLAGS);
    // The archives are written by one run each (with the same flags as the runs that use them).
    Files.createDirectories(context.workDir());
    Files.deleteIfExists(archive);
    Files.deleteIfExists(startupArchive);
    OneShot.run(UvVerifier.onFile(withFlags(java, List.of("-XX:ArchiveClassesAtExit=" + archive)), file),
        context.workDir().resolve("cds-dump.log"), UvRuns.PROCESS_TIMEOUT);
    List<String> dumpStartup = new ArrayList<>(startup);
    dumpStartup.add("-XX:ArchiveClassesAtExit=" + startupArchive);
    OneShot.run(UvVerifier.onFile(withFlags(java, dumpStartup), file),
        context.workDir().resolve("cds-dump-startup.log"), UvRuns.PROCESS_TIMEOUT);
    List<String> useStartup = new ArrayList<>(startup);
    useStartup.add("-XX:SharedArchiveFile=" + startupArchive);

    String jvm = ScenarioContext.JAVA;
    String kind = ScenarioContext.SERVICE;
    runs(context, jvm, kind, UvVerifier.onFile(java, file), Map.of(), file, expected, "as configured");
    runs(context, jvm, kind, UvVerifier.onFile(withFlags(java, List.of("-XX:SharedArchiveFile=" + archive)), file),
        Map.of(), file, expected, "AppCDS");
    runs(context, jvm, kind, UvVerifier.onFile(withFlags(java, useStartup), file), Map.of(), file, expected,
        "AppCDS + C1 only + SerialGC");
    shippedLauncher(context, java, file, expected);
  }

  /**
   * {@code bin/logparse uv FILE} on the configured java, with a cache of the run's own: its untimed first run makes
   * the archive the timed ones map. Only when the service runs from the jar the launcher finds.
   */
  private static void shippedLauncher(ScenarioContext context, List<String> java, Path file, UvAnswer expected)
      throws Exception {
    Optional<List<String>> launcher = launcherCommand(context.repoRoot(), java);
    if (launcher.isEmpty()) {
      context.phase("no shipped launcher run: the service does not run from the jar " + LAUNCHER + " finds");
      return;
    }
    Files.createDirectories(context.workDir());
    Path cache = Files.createTempDirectory(context.workDir(), "launcher-cache");
    // The launcher's own flags replace --jvm-opts: it is measured as shipped.
    runs(context, ScenarioContext.JAVA, ScenarioContext.SERVICE, UvVerifier.onFile(launcher.get(), file),
        Map.of("JAVA", java.get(0), "XDG_CACHE_HOME", cache.toString()), file, expected, "shipped launcher");
  }

  /**
   * The launcher of {@code repoRoot} as a command, when {@code java} (a service command up to its arguments) runs
   * the jar that launcher runs: {@code <module>/target/<module>.jar}.
   */
  static Optional<List<String>> launcherCommand(Path repoRoot, List<String> java) throws IOException {
    Path launcher = repoRoot.resolve(LAUNCHER);
    Path jar = launcher.getParent().resolveSibling("target").resolve(LogparseScenario.MODULE + ".jar");
    int jarFlag = java.indexOf("-jar");
    boolean runsThatJar = jarFlag >= 0 && jarFlag + 1 < java.size() && Files.exists(jar)
        && Files.isSameFile(Path.of(java.get(jarFlag + 1)), jar);
    return runsThatJar && Files.isExecutable(launcher) ? Optional.of(List.of(launcher.toString())) : Optional.empty();
  }

  /**
   * Whole processes of {@code command} (with {@code environment} added), from start to exit, after one untimed run;
   * {@code variant} names the JVM's set-up (null for a peer).
   */
  static void runs(ScenarioContext context, String implementation, String kind, List<String> command,
                   Map<String, String> environment, Path file, UvAnswer expected, String variant) throws Exception {
    int runs = context.quick() ? 3 : 5;
    String what = variant == null ? "cold" : "cold, " + variant;
    context.phase(implementation + " " + what + ": " + runs + " whole processes on " + file.getFileName());
    List<Double> wall = new ArrayList<>();
    List<Double> inside = new ArrayList<>();
    Path log = context.workDir().resolve("cold-" + implementation + ".log");
    // One untimed run first: the file and the program in the page cache (and the launcher's archive made), as for
    // every timed run after it.
    OneShot.run(command, environment, context.repoRoot(), log, UvRuns.PROCESS_TIMEOUT);
    for (int i = 0; i < runs; i++) {
      OneShot.Result result = OneShot.run(command, environment, context.repoRoot(), log, UvRuns.PROCESS_TIMEOUT);
      UvAnswer answer = UvAnswer.parseLines(result.output()).get(0);
      if (!answer.sameCountAs(expected)) {
        throw new IllegalStateException("cold run counted " + answer + ", warm runs " + expected);
      }
      wall.add(result.wallNanos() / 1e6);
      inside.add(answer.elapsedMs());
    }
    Map<String, Object> load = UvRuns.fileLoad(file, expected);
    if (variant != null) {
      load.put("jvm", variant);
    }
    load.put("runs", "median of " + runs + " processes after 1 untimed");
    UvRuns.record(context, implementation + " uv (" + what + ", " + UvRuns.size(expected) + ")", kind,
        "uv FILE (whole process)", load, command, wall, expected,
        List.of(Figure.of("count_in_process", Medians.median(inside), Figure.MS)));
    context.phase(String.format(Locale.ROOT, "%s %s: median %.0f ms (count %.0f ms of it)", implementation, what,
        Medians.median(wall), Medians.median(inside)));
  }

  private static List<String> withFlags(List<String> java, List<String> flags) {
    boolean choosesCollector = flags.stream().anyMatch(ColdUv::selectsCollector);
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
}
