package dev.showdown.data;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** The real command line with bad values: exit status 2 and one line saying why, no password, nothing started. */
class MainTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--upstream-pool-size|0|--upstream-pool-size must be at least 1, was 0",
      "--redis-pool-size|-1|--redis-pool-size must be at least 0, was -1",
      "--upstream-timeout|0ms|--upstream-timeout must be at least 1ms, was 0ms",
      "--redis-timeout|0s|--redis-timeout must be at least 1ms, was 0ms",
      "--redis|redis://:s3cret@|expected redis://[:password@]host[:port][/db], rediss://... or unix:///path, got 'redis://***@'",
      "--upstream|ftp://files|Invalid value for option '--upstream': expected http://host[:port][/path], got 'ftp://files'",
      "--upstream|http://me:s3cret@api/v1?x|Invalid value for option '--upstream': the upstream URL takes no user info, query or fragment: 'http://***@api/v1?x'",
      "--upstream|http://me:s3cret@[oops|Invalid value for option '--upstream': not a URL: 'http://***@[oops'"})
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
    StringWriter err = new StringWriter();
    int status = Main.commandLine().setErr(new PrintWriter(err, true)).execute("--port", "0", flag, value);
    assertThat(status).as("exit status").isEqualTo(2);
    return err.toString();
  }
}
