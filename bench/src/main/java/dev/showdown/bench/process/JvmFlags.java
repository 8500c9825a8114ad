package dev.showdown.bench.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pure operations on JVM flag lists: reading a Java @argfile, and letting later flags replace earlier ones. */
public final class JvmFlags {
  private JvmFlags() {
  }

  /**
   * The flags of a Java launcher @argfile such as {@code lean.jvm}: {@code #} starts a comment to the end of the
   * line, flags are separated by whitespace. Quoted arguments are refused rather than misread: no flag file of
   * this repository needs them.
   */
  public static List<String> readArgFile(Path file) throws IOException {
    List<String> flags = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      int comment = line.indexOf('#');
      String text = (comment < 0 ? line : line.substring(0, comment)).strip();
      if (text.contains("\"") || text.contains("'")) {
        throw new IOException(file + ": quoted arguments are not supported: " + text);
      }
      if (!text.isEmpty()) {
        flags.addAll(List.of(text.split("\\s+")));
      }
    }
    return flags;
  }

  /**
   * {@code base} with each of {@code overrides} replacing the flag of {@code base} that sets the same thing
   * (in its place), or appended when none does: {@code -Xmx64m} is replaced by {@code -Xmx16m},
   * {@code -XX:TieredStopAtLevel=1} by {@code -XX:TieredStopAtLevel=4}, {@code -XX:+X} by {@code -XX:-X}. The
   * JVM would let the last one win too; replacing keeps the recorded flags the ones in effect, once each.
   */
  public static List<String> override(List<String> base, List<String> overrides) {
    Map<String, String> byKey = new LinkedHashMap<>();
    base.forEach(flag -> byKey.put(key(flag), flag));
    overrides.forEach(flag -> byKey.put(key(flag), flag));
    return List.copyOf(byKey.values());
  }

  /** What a flag sets, so that two flags setting the same thing are recognised; any other flag is its own key. */
  static String key(String flag) {
    for (String sized : List.of("-Xmx", "-Xms", "-Xss", "-Xmn")) {
      if (flag.startsWith(sized)) {
        return sized;
      }
    }
    if (flag.startsWith("-XX:")) {
      String option = flag.substring(4);
      if (option.startsWith("+") || option.startsWith("-")) {
        return "-XX:" + option.substring(1);
      }
      int equals = option.indexOf('=');
      return "-XX:" + (equals < 0 ? option : option.substring(0, equals));
    }
    if (flag.startsWith("-D")) {
      int equals = flag.indexOf('=');
      return equals < 0 ? flag : flag.substring(0, equals);
    }
    return flag;
  }
}
