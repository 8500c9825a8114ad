package dev.showdown.bench.scenario;

import dev.showdown.bench.result.Figure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One implementation's figures of every round, as one list: each name's values in round order. */
final class RoundFigures {
  private RoundFigures() {
  }

  /** Names in the order the first round had them; a figure only some rounds have keeps the values it has. */
  static List<Figure> merge(List<List<Figure>> rounds) {
    Map<String, String> units = new LinkedHashMap<>();
    Map<String, List<Double>> values = new LinkedHashMap<>();
    for (List<Figure> round : rounds) {
      for (Figure figure : round) {
        units.putIfAbsent(figure.name(), figure.unit());
        values.computeIfAbsent(figure.name(), n -> new ArrayList<>()).add(figure.value());
      }
    }
    List<Figure> merged = new ArrayList<>();
    values.forEach((name, list) -> merged.add(rounds.size() == 1 ? Figure.of(name, list.get(0), units.get(name))
        : Figure.ofRounds(name, list, units.get(name))));
    return merged;
  }
}
