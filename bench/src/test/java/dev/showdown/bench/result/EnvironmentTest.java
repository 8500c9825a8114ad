package dev.showdown.bench.result;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class EnvironmentTest {
  @Test
  void wrkVersionIsItsFirstLineWithoutTheCopyright() {
    Path wrk = Path.of("/usr/bin/wrk");
    assumeTrue(Files.isExecutable(wrk), "wrk is not installed (apt-get install -y wrk)");

    assertThat(Environment.wrkVersion(wrk)).hasValueSatisfying(v -> assertThat(v).startsWith("wrk ")
        .doesNotContain("Copyright").doesNotContain("\n"));
  }

  @Test
  void aProgramThatIsNotWrkGivesNoVersion() {
    assertThat(Environment.wrkVersion(Path.of("/bin/echo"))).isEmpty();
    assertThat(Environment.wrkVersion(Path.of("/no/such/wrk"))).isEmpty();
  }

  @Test
  void theBenchJvmNamesItsVmAndVersion() {
    assertThat(Environment.benchJvm()).contains(System.getProperty("java.vm.name")).contains(Runtime.version().feature() + "");
  }
}
