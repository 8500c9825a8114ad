package dev.showdown.kit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The command-line lifecycle: flags refused in one line with status 2, and SIGTERM at any moment ending with 0. */
class ServiceMainTest {
  /** C1 only: these children start and stop, nothing more. */
  private static final List<String> QUICK_JVM = List.of("-XX:TieredStopAtLevel=1", "-Xshare:auto");

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
      try (ServiceProcess service = ServiceProcess.start(ProbeMain.class, QUICK_JVM,
          process -> process.toHandle().destroy(), "--host", "127.0.0.1", "--port", "0", "--event-loops", "1")) {
        assertThat(service.exitStatus()).as("exit status of run %d; %s", run, service.output()).isZero();
      }
    }
  }

  /** A SIGTERM while the service starts (after its first line, before the ready line) stops it with 0, not 143. */
  @Test
  void sigtermDuringStartUpExitsZero() throws Exception {
    for (int run = 0; run < 3; run++) {
      try (ServiceProcess service = ServiceProcess.start(ProbeMain.class, QUICK_JVM, line -> true,
          process -> process.toHandle().destroy(), "--host", "127.0.0.1", "--port", "0", "--event-loops", "1")) {
        assertThat(service.exitStatus()).as("exit status of run %d; %s", run, service.output()).isZero();
        assertThat(service.stdout()).startsWith("probe starting on 127.0.0.1:0\n").contains("probe stopped\n");
      }
    }
  }

  /** A stop that fails is a diagnostic: logged through System.Logger (JUL's console handler here), exit status 1. */
  @Test
  void anUncleanStopIsLoggedThroughTheJdkLoggerAndExitsOne() throws Exception {
    List<String> jvm = new ArrayList<>(QUICK_JVM);
    jvm.add("-Djava.util.logging.SimpleFormatter.format=%4$s %3$s: %5$s%n");
    try (ServiceProcess service = ServiceProcess.start(UncleanStopMain.class, jvm,
        process -> process.toHandle().destroy())) {
      assertThat(service.exitStatus()).as(service.output()).isEqualTo(1);
      assertThat(service.stdout()).contains("probe stopping (grace 1s)");
      assertThat(service.stderr()).contains("SEVERE dev.showdown.kit.ServiceMain: probe: unclean stop: disk gone\n");
    }
  }
}
