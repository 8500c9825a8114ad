package dev.showdown.lean;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped launcher {@code logparse-service/bin/logparse} against the built jar: {@code uv} makes its
 * class-data archive on the first run and maps it on the next, a rebuilt jar gets an archive of its own, an
 * unwritable cache only costs the archive, and the service keeps the JVM's normal flags.
 */
class LogparseLauncherTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  /** Three users, one line that is not JSON. */
  private static final String LOGS = "{\"user_id\":\"a\"}\n{\"user_id\":\"b\"}\n{\"user_id\":7}\n{\"user_id\":\"a\"}\nnot json\n";
  private static final String ANSWER = "{\"lines\":5,\"uv\":3,\"errors\":1,";
  /** How class loading logs a class that came from the dynamic (AppCDS) archive. */
  private static final String FROM_ARCHIVE = "dev.showdown.logparse.UvCommand source: shared objects file (top)";

  private static Path module;

  @TempDir
  Path temp;

  @BeforeAll
  static void module() {
    module = Path.of(System.getProperty("showdown.root"), "logparse-service");
    assertThat(module.resolve("target/logparse-service.jar")).as("the jar the build packages").isRegularFile();
  }

  @Test
  void theFirstUvRunMakesTheArchiveAndTheSecondMapsIt() throws Exception {
    Path cache = Files.createDirectory(temp.resolve("cache"));
    Path logs = logs();
    Path launcher = module.resolve("bin/logparse");

    Run first = run(launcher, cache, null, "uv", logs.toString());
    assertThat(first.stdout()).startsWith(ANSWER);
    List<Path> archives = archives(cache);
    assertThat(archives).hasSize(1);
    assertThat(archives.get(0).getFileName().toString()).startsWith("logparse-uv-").endsWith(".jsa");
    assertThat(cache.resolve("showdown").toFile().list()).as("no partial archive left").hasSize(1);
    FileTime made = Files.getLastModifiedTime(archives.get(0));

    Path classLog = temp.resolve("classes.log");
    Run second = run(launcher, cache, classLog, "uv", logs.toString());
    assertThat(counted(second)).startsWith(ANSWER).isEqualTo(counted(first));
    assertThat(Files.readString(classLog)).contains(FROM_ARCHIVE);
    assertThat(archives(cache)).containsExactlyElementsOf(archives);
    assertThat(Files.getLastModifiedTime(archives.get(0))).isEqualTo(made);
  }

  @Test
  void aRebuiltJarGetsAnArchiveOfItsOwn() throws Exception {
    // The launcher and a jar beside it, as an install would lay them out.
    Path install = Files.createDirectory(temp.resolve("install"));
    Path launcher = Files.copy(module.resolve("bin/logparse"), install.resolve("logparse"), StandardCopyOption.COPY_ATTRIBUTES);
    Path jar = Files.copy(module.resolve("target/logparse-service.jar"), install.resolve("logparse-service.jar"));
    Path cache = Files.createDirectory(temp.resolve("cache"));
    Path logs = logs();

    assertThat(run(launcher, cache, null, "uv", logs.toString()).stdout()).startsWith(ANSWER);
    List<Path> before = archives(cache);
    assertThat(before).hasSize(1);

    // A rebuild: the same bytes under a new modification time, which the JVM itself would refuse to match.
    Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
    Path classLog = temp.resolve("classes.log");
    assertThat(run(launcher, cache, classLog, "uv", logs.toString()).stdout()).startsWith(ANSWER);
    List<Path> after = archives(cache);
    assertThat(after).as("the stale archive replaced").hasSize(1).doesNotContainAnyElementsOf(before);
    assertThat(Files.readString(classLog)).as("the run that made the new archive loaded from none")
        .doesNotContain(FROM_ARCHIVE);

    assertThat(run(launcher, cache, classLog, "uv", logs.toString()).stdout()).startsWith(ANSWER);
    assertThat(Files.readString(classLog)).contains(FROM_ARCHIVE);
  }

  @Test
  void anUnwritableCacheRunsWithoutAnArchive() throws Exception {
    // A file where the cache directory should be: mkdir fails even for root.
    Path notADirectory = Files.writeString(temp.resolve("cache"), "");
    Run run = run(module.resolve("bin/logparse"), notADirectory, null, "uv", logs().toString());
    assertThat(run.stdout()).startsWith(ANSWER);
    assertThat(run.stderr()).isEmpty();
  }

  @Test
  void theServiceKeepsTheNormalFlags() throws Exception {
    ProcessBuilder builder = new ProcessBuilder(module.resolve("bin/logparse").toString(),
        "--host", "127.0.0.1", "--port", "0");
    environment(builder, temp);
    try (LeanService service = LeanService.of(builder)) {
      service.port("logparse-service listening on");
      assertThat(service.reportedJvmFlags()).doesNotContain("TieredStopAtLevel", "UseSerialGC", "SharedArchiveFile");
    }
    assertThat(temp.resolve("showdown")).doesNotExist();
  }

  private Path logs() throws IOException {
    return Files.writeString(temp.resolve("logs.ndjson"), LOGS, StandardCharsets.UTF_8);
  }

  /** The answer less its time. */
  private static String counted(Run run) {
    return run.stdout().replaceAll("\"elapsed_ms\":[0-9.]+", "");
  }

  private static List<Path> archives(Path cache) throws IOException {
    try (Stream<Path> files = Files.list(cache.resolve("showdown"))) {
      return files.filter(file -> file.getFileName().toString().endsWith(".jsa")).sorted().toList();
    }
  }

  /** Runs the launcher to its exit (status 0 expected); {@code classLog}, when given, receives the JVM's class loading. */
  private Run run(Path launcher, Path cache, Path classLog, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(args));
    Path stdout = temp.resolve("stdout");
    Path stderr = temp.resolve("stderr");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
    environment(builder, cache);
    if (classLog != null) {
      Files.deleteIfExists(classLog);
      builder.environment().put("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + classLog);
    }
    Process process = builder.start();
    process.getOutputStream().close();
    if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("still running after " + TIMEOUT + ": " + command);
    }
    String err = Files.readString(stderr).replaceAll("(?m)^Picked up JAVA_TOOL_OPTIONS: .*\\R", "");
    assertThat(process.exitValue()).as(err).isZero();
    return new Run(Files.readString(stdout), err);
  }

  /** The build's JDK and a cache of the test's own. */
  private static void environment(ProcessBuilder builder, Path cache) {
    Map<String, String> environment = builder.environment();
    environment.put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    environment.put("XDG_CACHE_HOME", cache.toString());
    environment.remove("JAVA_TOOL_OPTIONS");
  }

  private record Run(String stdout, String stderr) {
  }
}
