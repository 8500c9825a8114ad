package dev.showdown.bench.report;

import dev.showdown.bench.scenario.ScenarioContext;

import java.util.Collection;
import java.util.Comparator;

/**
 * How the reports read a row's name: a Java row is {@code java-vertx}, maybe a variant of the scenario
 * ({@code redis}, {@code websocket}) and maybe its JVM profile in brackets ({@code (lean)}); a peer's row ends with
 * the same variant words ({@code go redis}). Rows of one variant ran the same work and may be set side by side.
 */
final class JavaRows {
  private JavaRows() {
  }

  static boolean isJava(String label) {
    return label.startsWith(ScenarioContext.JAVA);
  }

  /** A Java row on the default profile: no bracketed profile in its name. */
  static boolean isDefaultProfile(String label) {
    return isJava(label) && !label.contains("(");
  }

  /** What sets a Java row apart besides its JVM profile: {@code java-vertx redis (lean)} → {@code redis}. */
  static String variant(String javaLabel) {
    return javaLabel.replace(ScenarioContext.JAVA, "").replaceAll("\\([^)]*\\)", "").replaceAll("\\s+", " ").strip();
  }

  /** The variant of any row: a Java row's own, else the longest of {@code javaVariants} its name ends with, else the plain one. */
  static String variantOf(String label, Collection<String> javaVariants) {
    if (isJava(label)) {
      return variant(label);
    }
    return javaVariants.stream().filter(v -> !v.isEmpty() && label.endsWith(" " + v))
        .max(Comparator.comparingInt(String::length)).orElse("");
  }
}
