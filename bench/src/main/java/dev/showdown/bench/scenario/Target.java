package dev.showdown.bench.scenario;

/**
 * An implementation of the contract that is already running elsewhere ({@code --target NAME=URL}), measured
 * with the same load as the service the bench starts. {@code scenario} is null when it applies to every
 * scenario ({@code --target go=URL}) and set for {@code --target ping:go=URL}.
 */
public record Target(String scenario, String name, String url) {

  /** Reads one {@code --target} entry: key {@code NAME} or {@code SCENARIO:NAME}, value the base URL. */
  public static Target parse(String key, String url) {
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      throw new IllegalArgumentException("--target " + key + "=" + url + ": the URL must start with http:// or https://");
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
