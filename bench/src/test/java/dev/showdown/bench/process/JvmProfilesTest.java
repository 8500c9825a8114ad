package dev.showdown.bench.process;

import dev.showdown.bench.run.RepoRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code --profile} and {@code --sweep-heap}: what a list may say, and the flags each profile stands for. */
class JvmProfilesTest {
  private static final List<String> DEFAULT_FLAGS = List.of("-XX:+UseParallelGC", "-Xms256m", "-Xmx256m");
  private static final Path REPO = RepoRoot.find();

  @Test
  void namesExpandBothAndAllKeepTheOrderGivenAndDropRepeats() {
    assertThat(JvmProfiles.parseNames("both")).containsExactly("default", "lean");
    assertThat(JvmProfiles.parseNames("all")).containsExactly("default", "lean", "lean-c2");
    assertThat(JvmProfiles.parseNames("lean-c2, Default,lean-c2")).containsExactly("lean-c2", "default");
    assertThat(JvmProfiles.parseNames("lean,both")).containsExactly("lean", "default");
  }

  @Test
  void unknownOrEmptyNamesAreRefusedInOneLine() {
    for (String bad : List.of("fast", "", "default,", "lean;c2")) {
      assertThatThrownBy(() -> JvmProfiles.parseNames(bad)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("--profile: unknown profile").hasMessageContaining("known: default, lean, lean-c2, both, all")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
  }

  @Test
  void heapSizesParseWithTheirUnit() {
    assertThat(JvmProfiles.parseSizes("16m, 32M,1g,8192k")).extracting(HeapSize::text).containsExactly("16m", "32m", "1g", "8192k");
    assertThat(JvmProfiles.parseSizes("16m").get(0).bytes()).isEqualTo(16L << 20);
  }

  @Test
  void badHeapSizesAreRefusedInOneLine() {
    for (String bad : List.of("16", "16mb", "-16m", "0m", "2m", "65g", "16m,,32m", "", "1.5g")) {
      assertThatThrownBy(() -> JvmProfiles.parseSizes(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("--sweep-heap: ").satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
    assertThatThrownBy(() -> JvmProfiles.parseSizes("16m,16384k")).hasMessageContaining("given twice");
  }

  @Test
  void theJavaFeatureIsReadFromJavaVersion() {
    assertThat(JvmProfiles.javaFeature("openjdk version \"17.0.15\" 2025-04-15 / OpenJDK 64-Bit Server VM")).isEqualTo(17);
    assertThat(JvmProfiles.javaFeature("openjdk version \"25\" 2025-09-16")).isEqualTo(25);
    assertThat(JvmProfiles.javaFeature("java version \"26-ea\" 2026-03-17")).isEqualTo(26);
    assertThat(JvmProfiles.javaFeature("unknown (java -version printed nothing)")).isZero();
  }

  @Test
  void defaultIsTheJvmOptsAndLeanIsTheRepositoryFileBeforeJdk25() throws IOException {
    List<JvmProfile> profiles = JvmProfiles.of(List.of("default", "lean", "lean-c2"), DEFAULT_FLAGS, REPO, 17);
    assertThat(profiles).extracting(JvmProfile::name).containsExactly("default", "lean", "lean-c2");
    assertThat(profiles.get(0).flags()).isEqualTo(DEFAULT_FLAGS);
    List<String> lean = JvmFlags.readArgFile(REPO.resolve("lean.jvm"));
    assertThat(lean).contains("-XX:+UseSerialGC", "-Xmx64m", "-XX:TieredStopAtLevel=1");
    assertThat(profiles.get(1).flags()).isEqualTo(lean);
    assertThat(profiles.get(1).source()).isEqualTo("lean.jvm");
    assertThat(profiles.get(2).flags()).as("C2 kept, in place of C1 only")
        .containsSubsequence("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=4", "-XX:+ExitOnOutOfMemoryError")
        .doesNotContain("-XX:TieredStopAtLevel=1").hasSameSizeAs(lean);
  }

  @Test
  void onJdk25LeanAddsCompactObjectHeaders() throws IOException {
    List<JvmProfile> profiles = JvmProfiles.of(List.of("lean", "lean-c2"), DEFAULT_FLAGS, REPO, 25);
    assertThat(profiles).allSatisfy(p -> assertThat(p.flags()).endsWith("-XX:+UseCompactObjectHeaders"));
    assertThat(profiles.get(0).source()).isEqualTo("lean.jvm + lean-jdk25.jvm");
    assertThat(profiles.get(1).source()).isEqualTo("lean.jvm + lean-jdk25.jvm + -XX:TieredStopAtLevel=4");
  }

  @Test
  void aSweepSizeIsLeanC2WithItsMaximumHeapAndAtMost8mInitial() throws IOException {
    List<JvmProfile> sweep = JvmProfiles.sweep(JvmProfiles.parseSizes("16m,4m"), REPO, 17);
    assertThat(sweep).extracting(JvmProfile::name).containsExactly("lean-c2, -Xmx16m", "lean-c2, -Xmx4m");
    assertThat(sweep.get(0).flags()).contains("-Xms8m", "-Xmx16m", "-XX:TieredStopAtLevel=4").doesNotContain("-Xmx64m");
    assertThat(sweep.get(1).flags()).contains("-Xms4m", "-Xmx4m").doesNotContain("-Xms8m");
    assertThat(sweep.get(0).row("java-vertx")).isEqualTo("java-vertx (lean-c2, -Xmx16m)");
    assertThat(JvmProfiles.sweep(List.of(), Path.of("/nowhere"), 17)).isEmpty();
  }

  @Test
  void aMissingLeanFileSaysWhere(@TempDir Path empty) throws IOException {
    assertThatThrownBy(() -> JvmProfiles.of(List.of("lean"), DEFAULT_FLAGS, empty, 17)).isInstanceOf(IOException.class)
        .hasMessageContaining(empty.resolve("lean.jvm") + " is missing");
    assertThat(JvmProfiles.of(List.of("default"), DEFAULT_FLAGS, empty, 17)).as("default alone reads no file").hasSize(1);
  }

  @Test
  void laterFlagsReplaceTheOnesSettingTheSameThingInPlace(@TempDir Path dir) throws IOException {
    assertThat(JvmFlags.override(List.of("-XX:+UseSerialGC", "-Xmx64m", "-XX:TieredStopAtLevel=1", "-XX:+AlwaysPreTouch", "-Dx=1"),
        List.of("-XX:-AlwaysPreTouch", "-Xmx16m", "-XX:TieredStopAtLevel=4", "-Dx=2", "-Xss512k")))
        .containsExactly("-XX:+UseSerialGC", "-Xmx16m", "-XX:TieredStopAtLevel=4", "-XX:-AlwaysPreTouch", "-Dx=2", "-Xss512k");
    Path file = Files.writeString(dir.resolve("a.jvm"), "# comment\n-Xmx8m  -Xss1m # why\n\n-XX:+UseSerialGC\n");
    assertThat(JvmFlags.readArgFile(file)).containsExactly("-Xmx8m", "-Xss1m", "-XX:+UseSerialGC");
    Path quoted = Files.writeString(dir.resolve("q.jvm"), "-Dname=\"a b\"\n");
    assertThatThrownBy(() -> JvmFlags.readArgFile(quoted)).hasMessageContaining("quoted arguments are not supported");
  }
}
