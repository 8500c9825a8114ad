package dev.showdown.kit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The command-line lifecycle: flags refused in one line with status 2, and SIGTERM at any moment ending with 0. */
class ServiceMainTest {

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "--port            | -5       | probe: Invalid value for option '--port': -5 is not a port (expected 0..65535)",
      "--port            | 70000    | probe: Invalid value for option '--port': 70000 is not a port (expected 0..65535)",
      "--port            | http     | probe: Invalid value for option '--port': 'http' is not a port (expected 0..65535)",
      "--event-loops     | -1       | probe: Invalid value for option '--event-loops': -1 is not an event-loop count (expected 0..1024)",
      "--transport       | epol     | probe: Invalid value for option '--transport': unknown transport 'epol' (expected native, io_uring or nio)",
      "--shutdown-grace  | 10       | probe: Invalid value for option '--shutdown-grace': not a duration: '10' (write e.g. 500ms, 10s, 2m)",
      "--idle-timeout    | 1.5s     | probe: Invalid value for option '--idle-timeout': not a duration: '1.5s' (write e.g. 500ms, 10s, 2m)",
      "--request-timeout | -1s      | probe: Invalid value for option '--request-timeout': not a duration: '-1s' (write e.g. 500ms, 10s, 2m)",
      "--metrics         | maybe    | probe: Invalid value for option '--metrics': 'maybe' is not a boolean",
      "--answer          | 41       | probe: --answer must be 42, was 41",
      "--no-such-flag    | 1        | probe: Unknown options: '--no-such-flag', '1'",
  })
  void anInvalidFlagExitsTwoWithItsReasonOnOneLine(String flag, String value, String expected) {
    CommandRun run = CommandRun.of(new ProbeMain(), flag, value);

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.stderr()).isEqualTo(expected + System.lineSeparator());
  }

  /**
   * A supervisor may send SIGTERM the moment it reads the ready line; the JVM must not be caught before its handler
   * is in place (that ended with 143). Twenty starts, each with a C1-only child JVM to keep them short.
   */
  @Test
  void sigtermTheMomentTheReadyLineAppearsExitsZero() throws Exception {
    for (int run = 0; run < 20; run++) {
      Process child = new ProcessBuilder(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-XX:TieredStopAtLevel=1", "-Xshare:auto",
          "-cp", System.getProperty("java.class.path"),
          ProbeMain.class.getName(), "--host", "127.0.0.1", "--port", "0", "--event-loops", "1"))
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      try {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        awaitReadyLine(out);
        child.toHandle().destroy();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("run %d ended", run).isTrue();
        assertThat(child.exitValue()).as("exit status of run %d", run).isZero();
      } finally {
        child.destroyForcibly();
      }
    }
  }

  private static void awaitReadyLine(BufferedReader out) throws IOException {
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith("probe listening on ")) {
        return;
      }
    }
    throw new AssertionError("the child ended without a ready line");
  }
}
