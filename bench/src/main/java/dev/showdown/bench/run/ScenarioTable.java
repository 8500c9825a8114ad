package dev.showdown.bench.run;

import dev.showdown.bench.process.ServiceLocation;
import dev.showdown.bench.scenario.Scenario;
import dev.showdown.bench.scenario.Scenarios;

import java.io.PrintStream;

/** The scenario list that {@code bench list} and {@code bench run --list} print. */
final class ScenarioTable {
  private ScenarioTable() {
  }

  static void print(PrintStream out, ServiceLocation services) {
    out.printf("%-10s %-8s %s%n", "SCENARIO", "BUILT", "STANDARD LOAD");
    for (Scenario scenario : Scenarios.all()) {
      boolean built = scenario.modules().stream().allMatch(services::has);
      out.printf("%-10s %-8s %s%n", scenario.name(), built ? "yes" : "no", scenario.standardLoad());
      out.printf("%-10s %-8s %s%n", "", "", scenario.title());
    }
  }
}
