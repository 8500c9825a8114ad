package dev.showdown.bench.peer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A peer's command line with {@code {key}} placeholders the bench fills in (its host and port, the Redis and
 * upstream of the scenario, ...), plus flags added only when the scenario has a value for them
 * ({@code --redis} for data and user, not for ping).
 *
 * @param words    the command, run with the repository root as working directory
 * @param optional flags with a placeholder value, left out when the value is absent
 */
public record PeerCommand(List<String> words, List<Flag> optional) {
  public static final String HOST = "host";
  public static final String PORT = "port";
  public static final String WORKERS = "workers";
  public static final String TCP_PORT = "tcpPort";
  public static final String INTERVAL = "interval";
  public static final String REDIS = "redis";
  public static final String UPSTREAM = "upstream";
  public static final String FILE = "file";
  public static final String REPEAT = "repeat";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

  /** A flag and the key of its value. */
  public record Flag(String flag, String key) {
  }

  public PeerCommand {
    words = List.copyOf(words);
    optional = List.copyOf(optional);
  }

  public static PeerCommand of(String... words) {
    return new PeerCommand(List.of(words), List.of());
  }

  /** This command with {@code flag {key}} added when {@code key} has a value. */
  public PeerCommand withOptional(String flag, String key) {
    List<Flag> more = new ArrayList<>(optional);
    more.add(new Flag(flag, key));
    return new PeerCommand(words, more);
  }

  /** The command line for {@code values}; a placeholder of {@link #words} without a value is a bug of the caller. */
  public List<String> expand(Map<String, String> values) {
    List<String> command = new ArrayList<>();
    for (String word : words) {
      command.add(fill(word, values));
    }
    for (Flag flag : optional) {
      String value = values.get(flag.key());
      if (value != null) {
        command.add(flag.flag());
        command.add(value);
      }
    }
    return command;
  }

  private static String fill(String word, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(word);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException("no value for {" + m.group(1) + "} in " + word);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
