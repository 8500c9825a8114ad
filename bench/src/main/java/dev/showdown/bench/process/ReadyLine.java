package dev.showdown.bench.process;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises the line every service prints once it accepts connections: {@code <name> listening on host:port}. */
public final class ReadyLine {
  private static final Pattern LINE = Pattern.compile("^(\\S+) listening on (\\S+):(\\d+)\\s*$");

  private ReadyLine() {
  }

  /** The address the line announces, with a wildcard host replaced by loopback so a client can connect. */
  public static Optional<Address> parse(String line) {
    Matcher m = LINE.matcher(line);
    if (!m.matches()) {
      return Optional.empty();
    }
    String host = m.group(2);
    if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
      host = "127.0.0.1";
    }
    return Optional.of(new Address(m.group(1), host, Integer.parseInt(m.group(3))));
  }

  /** Where a ready child listens. */
  public record Address(String name, String host, int port) {
    public String url() {
      return "http://" + host + ":" + port;
    }
  }
}
