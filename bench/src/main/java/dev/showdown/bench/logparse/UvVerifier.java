package dev.showdown.bench.logparse;

import dev.showdown.bench.verify.Check;
import dev.showdown.bench.verify.Verification;
import dev.showdown.bench.verify.Verifier;
import dev.showdown.kit.ServiceMain;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code uv FILE} command line by docs/contract.md: run once on the standard 100,000-line file, it exits 0 and
 * prints the contract's answer with 100,000 lines, 20,265 unique users and 91 broken lines.
 */
public final class UvVerifier implements Verifier {
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  private final String subject;
  private final List<String> command;
  private final Path directory;
  private final Path output;

  /**
   * {@code command}: the whole command line, {@code uv} and the standard file included, run in {@code directory}
   * (null: the bench's own); its output goes to {@code output}.
   */
  public UvVerifier(String subject, List<String> command, Path directory, Path output) {
    this.subject = subject;
    this.command = List.copyOf(command);
    this.directory = directory;
    this.output = output;
  }

  /** {@code program} (a command line up to {@code uv}) with {@code uv FILE} added. */
  public static List<String> onFile(List<String> program, Path file) {
    List<String> command = new ArrayList<>(program);
    command.addAll(List.of("uv", file.toString()));
    return command;
  }

  @Override
  public Verification verify() {
    String name = "uv on the standard file";
    String expected = "exit 0 and a JSON answer with " + StandardLog.counts();
    Check check;
    try {
      UvAnswer answer = UvAnswer.parseLines(OneShot.run(command, directory, output, TIMEOUT).output()).get(0);
      String got = "{\"lines\":" + answer.lines() + ",\"uv\":" + answer.uv() + ",\"errors\":" + answer.errors() + "}";
      check = got.equals(StandardLog.counts()) ? Check.pass(name, got) : Check.fail(name, expected, got);
    } catch (Exception e) {
      check = Check.fail(name, expected, ServiceMain.reason(e));
    }
    return new Verification(subject, List.of(check));
  }
}
