package dev.showdown.bench.peer;

import dev.showdown.bench.process.JvmLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A toolchain is usable only when its binaries exist, its probe exits 0 and its build succeeds; else the reason says how to get it. */
class ToolchainCheckTest {
  private static final String JAVA = JvmLauncher.currentJava();
  private static final String INSTALL = "apt-get install -y showdown-test-package";

  @TempDir
  Path repo;

  @Test
  void presentWhenTheBinariesAndTheProbeAre() {
    assertThat(check(List.of(JAVA), List.of(JAVA, "-version"), List.of()).available()).isTrue();
  }

  @Test
  void aMissingBinaryGivesTheInstallCommand() {
    ToolchainCheck.Result result = check(List.of("/nonexistent/showdown-tool"), List.of(JAVA, "-version"), List.of());
    assertThat(result.available()).isFalse();
    assertThat(result.reason()).isEqualTo("not available: " + INSTALL);
  }

  @Test
  void aFailingProbeGivesTheInstallCommand() {
    ToolchainCheck.Result result = check(List.of(JAVA), List.of(JAVA, "-XX:+NoSuchFlagAnywhere", "-version"), List.of());
    assertThat(result.reason()).isEqualTo("not available: " + INSTALL);
  }

  @Test
  void aBuildThatNamesWhatIsMissingGivesItsOwnInstallCommand() {
    ToolchainCheck.Result result = check(List.of(JAVA), List.of(JAVA, "-version"),
        List.of("sh", "-c", "echo 'missing: apt-get install golang-x-dev' >&2; exit 3"));
    assertThat(result.reason()).isEqualTo("not available: apt-get install golang-x-dev");
  }

  @Test
  void aBuildThatFailsOtherwiseSaysHow() {
    ToolchainCheck.Result result = check(List.of(JAVA), List.of(JAVA, "-version"), List.of("sh", "-c", "echo compile error; exit 1"));
    assertThat(result.available()).isFalse();
    assertThat(result.reason()).isEqualTo("sh -c echo compile error; exit 1 failed (exit 1): compile error");
  }

  private ToolchainCheck.Result check(List<String> binaries, List<String> probe, List<String> build) {
    return ToolchainCheck.ready(new Toolchain("test", binaries, probe, build, INSTALL), repo);
  }
}
