package dev.showdown.bench.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Children that never get ready are stopped, and the error says what they printed. */
class ChildProcessTest {
  @TempDir
  Path dir;

  private static List<String> java(String... args) {
    List<String> command = new java.util.ArrayList<>(List.of(JvmLauncher.currentJava(), "-cp",
        System.getProperty("java.class.path"), TestChild.class.getName()));
    command.addAll(List.of(args));
    return command;
  }

  @Test
  void readyLineGivesTheAddressAndCloseStopsIt() throws Exception {
    ChildProcess child = ChildProcess.start("child", java("ready"), dir.resolve("child.log"), Duration.ofSeconds(30));
    try {
      assertThat(child.url()).isEqualTo("http://127.0.0.1:4242");
      assertThat(child.startupLines()).containsExactly("child starting", "child listening on 0.0.0.0:4242");
      assertThat(ChildProcesses.live()).contains(child);
    } finally {
      child.close();
    }
    assertThat(child.isAlive()).isFalse();
    assertThat(ProcessHandle.of(child.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(ChildProcesses.live()).doesNotContain(child);
  }

  @Test
  void aRedisPasswordReachesTheChildThroughItsEnvironmentNotItsCommandLine() throws Exception {
    ChildProcess child = ChildProcess.start("child", List.of("sh", "-c",
            "echo \"redis from env: $REDIS_URL, args: $*\"; echo 'child listening on 127.0.0.1:1'; sleep 600 & wait",
            "sh", "--redis", "redis://:hunter2@127.0.0.1:6390", "--other", "1"),
        dir.resolve("secret.log"), Duration.ofSeconds(30));
    try {
      List<String> visible = ProcessHandle.of(child.pid()).flatMap(p -> p.info().arguments()).map(List::of).orElseThrow();
      assertThat(String.join(" ", visible)).as("what ps shows").doesNotContain("hunter2").contains("--other");
      assertThat(child.startupLines().get(0)).as("the child still got the URL; its log masks it")
          .isEqualTo("redis from env: redis://:***@127.0.0.1:6390, args: --other 1");
    } finally {
      child.close();
    }
  }

  @Test
  void aRedisUrlWithoutASecretStaysOnTheCommandLine() {
    SecretArguments plain = SecretArguments.of(List.of("svc", "--redis", "redis://127.0.0.1:6390"));
    assertThat(plain.command()).containsExactly("svc", "--redis", "redis://127.0.0.1:6390");
    assertThat(plain.environment()).isEmpty();
    assertThat(SecretArguments.of(List.of("svc", "--redis=redis://u:pw@h:1")).environment())
        .containsEntry("REDIS_URL", "redis://u:pw@h:1");
  }

  @Test
  void aDescendantThatOutlivesItsParentIsKilledToo() throws Exception {
    // The shell exits on SIGTERM; its child ignores SIGTERM and would be left an orphan.
    ChildProcess child = ChildProcess.start("child", List.of("sh", "-c",
        "(trap '' TERM; exec sleep 600) & echo \"worker $!\"; echo 'child listening on 127.0.0.1:1'; wait"),
        dir.resolve("orphan.log"), Duration.ofSeconds(30));
    long worker = Long.parseLong(child.startupLines().get(0).substring("worker ".length()));
    assertThat(ProcessHandle.of(worker).map(ProcessHandle::isAlive)).hasValue(true);

    child.terminate();
    child.awaitOrKill(Duration.ofSeconds(1));

    assertThat(child.isAlive()).isFalse();
    ProcessHandle.of(worker).ifPresent(w -> assertThat(w.onExit()).succeedsWithin(Duration.ofSeconds(5)));
  }

  @Test
  void exitBeforeReadyReportsStatusAndLastLines() {
    assertThatThrownBy(() -> ChildProcess.start("child", java("fail"), dir.resolve("fail.log"), Duration.ofSeconds(30)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("child exited with status 2 before it was ready")
        .hasMessageContaining("port 1 is taken");
    assertThat(ChildProcesses.live()).isEmpty();
  }

  @Test
  void silenceUntilTheTimeoutStopsTheChild() {
    assertThatThrownBy(() -> ChildProcess.start("child", java("silent"), dir.resolve("silent.log"), Duration.ofSeconds(2)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("printed no ready line within 2 s");
    assertThat(ChildProcesses.live()).isEmpty();
  }
}
