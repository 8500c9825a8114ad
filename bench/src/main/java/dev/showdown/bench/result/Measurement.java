package dev.showdown.bench.result;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one implementation did under one load: its figures, or the reason it has none. {@code kind} is
 * {@code service} for a child JVM the bench started and {@code target} for a {@code --target} URL.
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

  public static Measurement failed(String implementation, String kind, String url, String reason) {
    return new Measurement(implementation, kind, url, null, Map.of(), FAILED, reason, List.of(), Map.of());
  }

  public boolean ok() {
    return OK.equals(status);
  }

  public Optional<Figure> figure(String name) {
    return figures.stream().filter(f -> f.name().equals(name)).findFirst();
  }
}
