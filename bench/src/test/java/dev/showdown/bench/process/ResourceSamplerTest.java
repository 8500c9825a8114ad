package dev.showdown.bench.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The sampler counts a process with everything under it, as a multi-process server's memory must be. */
class ResourceSamplerTest {
  private static final long TOUCHED = 128L << 20;

  @TempDir
  Path dir;

  @Test
  void sumsTheMemoryOfAProcessAndItsDescendants() throws Exception {
    // A shell (a few MB) whose child JVM touches a 128 MB heap up front.
    String java = JvmLauncher.currentJava() + " -Xms128m -Xmx128m -XX:+AlwaysPreTouch -cp " + System.getProperty("java.class.path")
        + " " + TestChild.class.getName() + " ready";
    try (ChildProcess parent = ChildProcess.start("parent", List.of("sh", "-c", java + " & wait"), dir.resolve("parent.log"),
        Duration.ofSeconds(30))) {
      ResourceSampler.Usage tree = sampled(ResourceSampler.startTree(parent.pid()));
      ResourceSampler.Usage alone = sampled(ResourceSampler.start(parent.pid()));
      assertThat(tree.peakRssBytes()).isGreaterThan(TOUCHED);
      assertThat(alone.peakRssBytes()).isLessThan(TOUCHED / 4);
      // Two processes: PSS counts the pages they share (libc, the shell's) once between them.
      assertThat(tree.peakPssBytes()).isGreaterThan(TOUCHED).isLessThanOrEqualTo(tree.peakRssBytes());
      assertThat(alone.peakPssBytes()).as("one process: its RSS says it all").isEqualTo(-1);
    }
  }

  private static ResourceSampler.Usage sampled(ResourceSampler sampler) {
    return sampler.stop();
  }
}
