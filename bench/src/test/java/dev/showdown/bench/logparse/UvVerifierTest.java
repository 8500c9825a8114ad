package dev.showdown.bench.logparse;

import dev.showdown.bench.process.JvmLauncher;
import dev.showdown.bench.verify.Verification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The uv check passes on logparse-service's own {@code uv FILE} and fails on a command line that miscounts. */
class UvVerifierTest {
  @TempDir
  Path dir;

  @Test
  void passesOnTheJavaCommandLine() {
    Verification verification = verify(java("dev.showdown.logparse.Main"));
    assertThat(verification.passed()).as(String.join("\n", verification.lines())).isTrue();
  }

  @Test
  void aWrongCountFails() {
    Verification verification = verify(java(WrongUv.class.getName()));
    assertThat(verification.passed()).isFalse();
    assertThat(verification.reason()).contains("\"uv\":20264").contains("\"uv\":20265");
  }

  @Test
  void aCommandThatCannotRunFails() {
    Verification verification = verify(List.of(dir.resolve("no-such-program").toString()));
    assertThat(verification.passed()).isFalse();
    assertThat(verification.reason()).contains("no-such-program");
  }

  private Verification verify(List<String> command) {
    return new UvVerifier("test", UvVerifier.onFile(command, TestLogs.standard()), null, dir.resolve("uv.log")).verify();
  }

  private static List<String> java(String main) {
    return List.of(JvmLauncher.currentJava(), "-cp", System.getProperty("java.class.path"), main);
  }
}
