package dev.showdown.bench.result;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one implementation did under one load: its figures, or the reason it has none. {@code kind} is
 * {@code service} for a child JVM the bench started, {@code peer} for a Go or Python peer it started, and
 * {@code target} for a {@code --target} URL.
 */
public record Measurement(
    String implementation,
    String kind,
    String url,
    String tool,
    Map<String, Object> load,
    String status,
    String reason,
    List<Figure> figures,
    Map<String, String> notes) {

  public static final String OK = "ok";
  public static final String FAILED = "failed";
  /** Not run at all, with the reason (a peer whose toolchain is missing: the command that installs it). */
  public static final String SKIPPED = "skipped";

  public static Measurement failed(String implementation, String kind, String url, String reason) {
    return new Measurement(implementation, kind, url, null, Map.of(), FAILED, reason, List.of(), Map.of());
  }

  public static Measurement skipped(String implementation, String kind, String reason) {
    return new Measurement(implementation, kind, null, null, Map.of(), SKIPPED, reason, List.of(), Map.of());
  }

  public boolean ok() {
    return OK.equals(status);
  }

  public Optional<Figure> figure(String name) {
    return figures.stream().filter(f -> f.name().equals(name)).findFirst();
  }
}
