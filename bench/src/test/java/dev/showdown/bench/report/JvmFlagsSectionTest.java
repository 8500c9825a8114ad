package dev.showdown.bench.report;

import dev.showdown.bench.result.RunResult;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The reports' "JVM flags" section: the reasons for the default flags, lean's changes, and the run's profiles. */
class JvmFlagsSectionTest {
  @Test
  void bothReportsExplainTheFlagsAndListEveryProfileOfTheRun() {
    RunResult base = ReportFixtures.results("results.json");
    Map<String, Object> settings = new LinkedHashMap<>(base.settings());
    Map<String, Object> profiles = new LinkedHashMap<>();
    profiles.put("default", Map.of("source", "--jvm-opts", "flags", List.of("-XX:+UseParallelGC", "-Xms256m", "-Xmx256m")));
    profiles.put("lean", Map.of("source", "lean.jvm", "flags", List.of("-XX:+UseSerialGC", "-Xms8m", "-Xmx64m")));
    settings.put(RunResult.JVM_PROFILES, profiles);
    RunResult run = new RunResult(base.schema(), base.started(), base.finished(), base.machine(), base.jvm(), base.git(),
        settings, base.scenarios());

    String md = MarkdownReport.render(run);
    assertThat(md).contains("- **JVM profiles**: default, lean: one Java row each (see \"JVM flags\")")
        .contains("## JVM flags\n\n" + JvmFlagsText.INTRO)
        .contains("- `-XX:+UseParallelGC`: the throughput collector.")
        .contains("- `-Xms256m -Xmx256m`: a fixed heap")
        .contains("- `-XX:+ExitOnOutOfMemoryError`: ")
        .contains("- **lean-c2**: lean with -XX:TieredStopAtLevel=4")
        .contains("| profile | from | flags |\n|---|---|---|\n| default | --jvm-opts | `-XX:+UseParallelGC -Xms256m -Xmx256m` |\n"
            + "| lean | lean.jvm | `-XX:+UseSerialGC -Xms8m -Xmx64m` |\n");
    assertThat(md.indexOf("## JVM flags")).as("after the scenarios, before how to read them")
        .isLessThan(md.indexOf("## How to read this")).isGreaterThan(md.lastIndexOf("## ping"));
    assertThat(HtmlReport.render(run)).contains("<h2 id=\"jvm-flags\">JVM flags</h2>")
        .contains("<dt><code>-XX:+UseParallelGC</code></dt><dd>the throughput collector.")
        .contains("<tr><td>lean</td><td>lean.jvm</td><td><code>-XX:+UseSerialGC -Xms8m -Xmx64m</code></td></tr>");
  }

  @Test
  void aResultFromBeforeProfilesListsItsOneFlagSet() {
    RunResult old = ReportFixtures.results("results.json");
    assertThat(MarkdownReport.render(old)).doesNotContain("JVM profiles").contains("| default | --jvm-opts | `" + String.join(" ", old.jvm().flags()) + "` |");
  }
}
