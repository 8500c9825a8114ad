package dev.showdown.fib;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** The real command line with bad values: exit status 2 and one line saying why, before anything starts. */
class MainTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--workers|0|--workers must be at least 1, was 0",
      "--workers|-3|--workers must be at least 1, was -3",
      "--queue|-1|--queue must be at least 0, was -1",
      "--max-n|93|--max-n must be in 0..92, was 93",
      "--max-n|-1|--max-n must be in 0..92, was -1",
      "--workers|two|Invalid value for option '--workers': 'two' is not an int"})
  void aBadValueExits2WithOneLineOnStderr(String flag, String value, String reason) {
    StringWriter err = new StringWriter();

    int status = Main.commandLine().setErr(new PrintWriter(err, true)).execute("--port", "0", flag, value);

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("fib-service: " + reason + System.lineSeparator());
  }
}
