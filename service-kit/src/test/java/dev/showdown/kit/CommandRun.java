package dev.showdown.kit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * One run of a service's picocli command through {@link ServiceMain#execute} in this JVM, with its exit status and
 * what it wrote on stderr. Shared with every service's tests through the test-jar.
 */
public record CommandRun(int status, String stderr) {

  public static CommandRun of(Object command, String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int status = ServiceMain.execute(command, args);
      return new CommandRun(status, err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(original);
    }
  }
}
