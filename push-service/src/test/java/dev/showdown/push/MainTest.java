package dev.showdown.push;

import dev.showdown.kit.ServiceMain;
import dev.showdown.kit.TestRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** A flag value the service cannot run with, or a Redis it cannot join, ends the start with status 2 and one line saying why. */
class MainTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "--max-connections | 0     | --max-connections must be at least 1",
      "--max-connections | many  | --max-connections",
      "--interval        | 0s    | --interval must be at least 1ms",
      "--interval        | 10x   | --interval",
      "--heartbeat       | -1s   | --heartbeat",
      "--heartbeat       | 500ms | --heartbeat must be at least 1s",
      "--write-queue     | 0     | --write-queue must hold at least two messages",
      "--tcp-port        | 70000 | Invalid value for option '--tcp-port': 70000 is not a port (expected 0..65535)",
      "--slow-timeout    | soon  | --slow-timeout",
      "--redis           | redis://:s3cret@cache:6379/two | Invalid value for option '--redis': expected redis://",
  })
  void anInvalidValueExits2WithOneLine(String flag, String value, String reason) {
    Run run = Run.of(flag, value);

    assertThat(run.status).isEqualTo(2);
    assertThat(run.stderr.lines()).singleElement().asString().startsWith("push-service: ").contains(reason)
        .doesNotContain("s3cret").doesNotContain("Exception");
  }

  @Test
  void aNodeThatCannotSubscribeExits2NamingItsRedisWithThePasswordMasked() {
    int nothingListens = TestRedis.freePort();

    Run run = Run.of("--host", "127.0.0.1", "--port", "0", "--tcp-port", "0", "--event-loops", "1", "--warm-up", "false",
        "--max-connections", "100", "--redis", "redis://:s3cret@127.0.0.1:" + nothingListens);

    assertThat(run.status).isEqualTo(2);
    assertThat(run.stderr).doesNotContain("s3cret");
    // Only the reason is the service's; libraries may say things of their own when first loaded in this JVM.
    assertThat(run.stderr.lines().filter(line -> line.startsWith("push-service: "))).singleElement().asString()
        .startsWith("push-service: cannot start on 127.0.0.1:0: cannot subscribe to Redis at redis://:***@127.0.0.1:"
            + nothingListens + ": ");
  }

  /** One run of the command in this JVM, with what it wrote on stderr. */
  private record Run(int status, String stderr) {
    static Run of(String... args) {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      PrintStream original = System.err;
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      try {
        int status = ServiceMain.execute(new Main(), args);
        return new Run(status, err.toString(StandardCharsets.UTF_8));
      } finally {
        System.setErr(original);
      }
    }
  }
}
