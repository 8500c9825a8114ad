package dev.showdown.bench.scenario;

import java.util.List;

/**
 * One benchmark scenario of docs/contract.md: what it needs, its standard load, the published figures it is set
 * beside, and how it runs. List a new one in {@link Scenarios}.
 */
public interface Scenario {
  /** Short name used on the command line and in results, e.g. {@code ping}. */
  String name();

  /** One line saying what is measured, e.g. {@code GET /ping -> {"message":"pong"}}. */
  String title();

  /** The standard load in words, printed by {@code --list} and in every report, e.g. {@code -c64 10s}. */
  String standardLoad();

  /** Modules whose jars this scenario starts; a default run skips the scenario when one is not built. */
  List<String> modules();

  /** The figures published elsewhere (the articles), shown beside this scenario's, never as if measured here. */
  List<Published> published();

  /** Rounds of a full run without {@code --rounds} ({@code --quick}: one); a scenario whose window is long may say 1. */
  default int fullRunRounds() {
    return ScenarioContext.FULL_RUN_ROUNDS;
  }

  /**
   * True when {@code --sweep-heap} applies here: the scenario's Java services are then also measured under each
   * sweep size ({@link ScenarioContext#javaProfiles()}).
   */
  default boolean sweepsHeap() {
    return false;
  }

  /** Runs the scenario: start what it needs through the context, measure, record. Failures may be thrown. */
  void run(ScenarioContext context) throws Exception;
}
