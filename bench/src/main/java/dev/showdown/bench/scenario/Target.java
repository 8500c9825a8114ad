package dev.showdown.bench.scenario;

import dev.showdown.bench.result.Credentials;

import java.util.regex.Pattern;

/**
 * An implementation of the contract that is already running elsewhere ({@code --target NAME=URL}), measured
 * with the same load as the service the bench starts. {@code scenario} is null when it applies to every
 * scenario ({@code --target go=URL}) and set for {@code --target ping:go=URL}.
 */
public record Target(String scenario, String name, String url) {
  private static final Pattern BARE_ADDRESS = Pattern.compile("[^/:]+:\\d{1,5}|\\[[0-9a-fA-F:]+]:\\d{1,5}");

  /**
   * Reads one {@code --target} entry: key {@code NAME} or {@code SCENARIO:NAME}, value the base URL, or a bare
   * {@code host:port} (as gRPC peers are usually given), read as {@code http://host:port}.
   */
  public static Target parse(String key, String value) {
    String url = BARE_ADDRESS.matcher(value).matches() ? "http://" + value : value;
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      throw new IllegalArgumentException(Credentials.mask("--target " + key + "=" + value
          + ": give a URL starting with http:// or https://, or host:port"));
    }
    String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    int colon = key.indexOf(':');
    if (colon < 0) {
      return new Target(null, key, base);
    }
    return new Target(key.substring(0, colon), key.substring(colon + 1), base);
  }

  public boolean appliesTo(String scenarioName) {
    return scenario == null || scenario.equals(scenarioName);
  }
}
