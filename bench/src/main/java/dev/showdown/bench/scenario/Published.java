package dev.showdown.bench.scenario;

import dev.showdown.bench.result.Figure;

import java.util.List;

/**
 * Figures published elsewhere for one implementation, e.g. FastAPI in article A on a 4-core machine.
 * Reports show them apart from what was measured here: other hardware, other load tools.
 */
public record Published(String source, String setup, int cores, String implementation, List<Figure> figures) {

  public static Published of(String source, String setup, int cores, String implementation, Figure... figures) {
    return new Published(source, setup, cores, implementation, List.of(figures));
  }
}
