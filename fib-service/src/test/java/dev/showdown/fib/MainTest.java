package dev.showdown.fib;

import dev.showdown.kit.CommandRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** The real command line: bad values exit 2 with one line saying why, before anything starts. */
class MainTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--workers|-3|Invalid value for option '--workers': -3 is not a worker count (expected 0..1024)",
      "--workers|1025|Invalid value for option '--workers': 1025 is not a worker count (expected 0..1024)",
      "--workers|two|Invalid value for option '--workers': 'two' is not a worker count (expected 0..1024)",
      "--queue|-1|--queue must be at least 0, was -1",
      "--max-n|93|--max-n must be in 0..92, was 93",
      "--max-n|-1|--max-n must be in 0..92, was -1"})
  void aBadValueExits2WithOneLineOnStderr(String flag, String value, String reason) {
    CommandRun run = CommandRun.of(new Main(), "--port", "0", flag, value);

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.stderr()).isEqualTo("fib-service: " + reason + System.lineSeparator());
  }

  @Test
  void workersZeroMeansOnePerCoreAsEventLoopsZeroDoes() {
    assertThat(serviceFor("--workers", "0").workers()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(serviceFor("--workers", "3").workers()).isEqualTo(3);
  }

  private static FibService serviceFor(String... args) {
    Main main = new Main();
    new CommandLine(main).parseArgs(args);
    return main.service();
  }
}
