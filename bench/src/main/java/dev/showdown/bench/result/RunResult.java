package dev.showdown.bench.result;

import java.util.List;
import java.util.Map;

/** Everything one {@code bench run} measured and the conditions it measured them under: results.json. */
public record RunResult(
    int schema,
    String started,
    String finished,
    Machine machine,
    Jvm jvm,
    Git git,
    Map<String, Object> settings,
    List<ScenarioResult> scenarios) {

  public static final int SCHEMA = 1;
  /**
   * In {@code settings}: every JVM profile of the run by name, each with its {@code flags} (a list) and their
   * {@code source} ({@code --jvm-opts}, {@code lean.jvm}, ...).
   */
  public static final String JVM_PROFILES = "jvm_profiles";

  /** The machine the run was on. */
  public record Machine(String cpuModel, int cores, long memoryBytes, String os, String kernel) {
  }

  /** The JVM the services ran on: the {@code --java} executable, its version and the flags passed. */
  public record Jvm(String java, String version, List<String> flags) {
  }

  /** The source the services were built from. */
  public record Git(String commit, boolean dirty) {
  }
}
