package dev.showdown.data;

import dev.showdown.kit.CommandRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The real command line with bad values: exit status 2 and one line saying why, no password, nothing started. */
class MainTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--upstream-pool-size|0|--upstream-pool-size must be at least 1, was 0",
      "--redis-pool-size|-1|--redis-pool-size must be at least 0, was -1",
      "--upstream-timeout|0ms|--upstream-timeout must be at least 1ms, was 0ms",
      "--redis-timeout|0s|--redis-timeout must be at least 1ms, was 0ms",
      "--redis|redis://:s3cret@|Invalid value for option '--redis': expected redis://[[user]:password@]host[:port][/db], rediss://... or unix:///path, got 'redis://:***@'",
      "--redis|''|--redis must name a Redis server",
      "--upstream|ftp://files|Invalid value for option '--upstream': expected http://host[:port][/path], got 'ftp://files'",
      "--upstream|http://me:s3cret@api/v1?x|Invalid value for option '--upstream': the upstream URL takes no user info, query or fragment: 'http://me:***@api/v1?x'",
      "--upstream|http://me:s3cret@[oops|Invalid value for option '--upstream': not a URL: 'http://me:***@[oops'"})
  void aBadValueExits2WithOneLineOnStderr(String flag, String value, String reason) {
    assertThat(run(flag, value)).isEqualTo("data-service: " + reason + System.lineSeparator());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"--upstream-timeout|-1s", "--redis-timeout|5 parsecs"})
  void aDurationThatIsNotOneExits2WithOneLine(String flag, String value) {
    assertThat(run(flag, value)).startsWith("data-service: Invalid value for option '" + flag + "'")
        .hasLineCount(1);
  }

  /** Runs the command line, asserts exit status 2, and gives what it wrote to stderr. */
  private static String run(String flag, String value) {
    CommandRun run = CommandRun.of(new Main(), "--port", "0", flag, value);
    assertThat(run.status()).as("exit status").isEqualTo(2);
    return run.stderr();
  }
}
