package dev.showdown.bench.scenario;

import dev.showdown.bench.result.Figure;

import java.util.List;
import java.util.Map;

/**
 * What one measured window of a load gave: the tool and the load's settings, the load tool's figures, the requests
 * answered ({@code -1} when the load is not counted in requests, as a push hold), a one-line summary (null: the
 * usual one from the figures), notes of its own; or, when {@code failure} is not null, why it has no figures.
 */
public record WindowResult(String tool, Map<String, Object> load, List<Figure> figures, long requests, String summary,
                           Map<String, String> notes, String failure) {

  public static WindowResult ok(String tool, Map<String, Object> load, List<Figure> figures, long requests) {
    return new WindowResult(tool, load, figures, requests, null, Map.of(), null);
  }

  public static WindowResult failed(String reason) {
    return new WindowResult(null, Map.of(), List.of(), 0, null, Map.of(), reason);
  }

  public WindowResult withSummary(String text) {
    return new WindowResult(tool, load, figures, requests, text, notes, failure);
  }

  public WindowResult withNotes(Map<String, String> more) {
    return new WindowResult(tool, load, figures, requests, summary, more, failure);
  }

  public WindowResult withFigures(List<Figure> all) {
    return new WindowResult(tool, load, all, requests, summary, notes, failure);
  }

  public boolean ok() {
    return failure == null;
  }
}
