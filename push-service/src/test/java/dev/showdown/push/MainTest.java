package dev.showdown.push;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** A flag value the service cannot run with ends the start with status 2 and one line saying why. */
class MainTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--max-connections | 0     | --max-connections must be at least 1",
      "--max-connections | many  | --max-connections",
      "--interval        | 0s    | --interval must be at least 1ms",
      "--interval        | 10x   | --interval",
      "--heartbeat       | -1s   | --heartbeat",
      "--heartbeat       | 500ms | --heartbeat must be at least 1s",
      "--write-queue     | 0     | --write-queue must hold at least two messages",
      "--tcp-port        | 70000 | --tcp-port must be in 0..65535",
      "--slow-timeout    | soon  | --slow-timeout",
      "--redis           | redis://:s3cret@cache:6379/two | --redis expects redis://",
  })
  void anInvalidValueExits2WithOneLine(String flag, String value, String reason) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream original = System.err;
    int status;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      status = Main.commandLine().execute(flag, value);
    } finally {
      System.setErr(original);
    }

    String printed = err.toString(StandardCharsets.UTF_8);
    assertThat(status).isEqualTo(2);
    assertThat(printed.lines()).singleElement().asString().startsWith("push-service: ").contains(reason)
        .doesNotContain("s3cret");
  }
}
