package dev.showdown.bench.process;

import dev.showdown.bench.run.RepoRoot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line of a service per JVM profile: java, that profile's flags and nothing else's, the entry, the arguments. */
class JvmLauncherTest {
  private static final List<String> DEFAULT_FLAGS = List.of("-XX:+UseParallelGC", "-Xms256m", "-Xmx256m", "-XX:+ExitOnOutOfMemoryError");
  private static final ServiceLocation PING = ServiceLocation.classPath(Map.of("ping-service", "dev.showdown.ping.Main"));

  @Test
  void eachProfileRunsWithItsOwnFlags() throws Exception {
    List<JvmProfile> profiles = JvmProfiles.of(JvmProfiles.parseNames("all"), DEFAULT_FLAGS, RepoRoot.find(), 17);
    List<JvmProfile> sweep = JvmProfiles.sweep(JvmProfiles.parseSizes("16m"), RepoRoot.find(), 17);
    JvmLauncher launcher = new JvmLauncher("/opt/jdk/bin/java", DEFAULT_FLAGS, profiles, sweep, PING);
    List<String> entry = PING.entry("ping-service");

    assertThat(launcher.profiles()).isEqualTo(profiles);
    assertThat(launcher.defaultProfile().flags()).isEqualTo(DEFAULT_FLAGS);
    for (JvmProfile profile : concat(profiles, sweep)) {
      List<String> command = launcher.service("ping-service", profile, List.of("--port", "0"));
      assertThat(command.get(0)).isEqualTo("/opt/jdk/bin/java");
      assertThat(command.subList(1, 1 + profile.flags().size())).isEqualTo(profile.flags());
      assertThat(command.subList(1 + profile.flags().size(), command.size() - 2)).isEqualTo(entry);
      assertThat(command.subList(command.size() - 2, command.size())).containsExactly("--port", "0");
    }
    assertThat(launcher.service("ping-service", profiles.get(1), List.of())).contains("-XX:+UseSerialGC", "-Xmx64m",
        "-XX:TieredStopAtLevel=1").doesNotContain("-XX:+UseParallelGC", "-Xmx256m");
    assertThat(launcher.service("ping-service", profiles.get(2), List.of())).contains("-XX:TieredStopAtLevel=4")
        .doesNotContain("-XX:TieredStopAtLevel=1");
    assertThat(launcher.service("ping-service", sweep.get(0), List.of())).contains("-Xms8m", "-Xmx16m", "-XX:TieredStopAtLevel=4")
        .doesNotContain("-Xmx64m");
    assertThat(launcher.service("ping-service", List.of())).as("a single instance runs on --jvm-opts")
        .isEqualTo(launcher.service("ping-service", profiles.get(0), List.of()));
  }

  @Test
  void withoutProfilesTheDefaultOneIsTheOnlyOne() {
    JvmLauncher launcher = new JvmLauncher("java", DEFAULT_FLAGS, PING);
    assertThat(launcher.profiles()).extracting(JvmProfile::name).containsExactly("default");
    assertThat(launcher.sweep()).isEmpty();
    assertThat(launcher.profiles().get(0).row("java-vertx")).isEqualTo("java-vertx");
  }

  private static List<JvmProfile> concat(List<JvmProfile> a, List<JvmProfile> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
