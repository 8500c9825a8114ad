package dev.showdown.bench.logparse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The cold runs' shipped-launcher variant runs only where the launcher would run the jar the bench measures. */
class ColdUvTest {
  @TempDir
  Path repo;

  private Path launcher;
  private Path jar;

  @BeforeEach
  void layOutTheModule() throws Exception {
    launcher = Files.createDirectories(repo.resolve("logparse-service/bin")).resolve("logparse");
    Files.writeString(launcher, "#!/bin/sh\n");
    assertThat(launcher.toFile().setExecutable(true)).isTrue();
    jar = Files.createDirectories(repo.resolve("logparse-service/target")).resolve("logparse-service.jar");
    Files.writeString(jar, "");
  }

  @Test
  void theServiceJarGetsItsLauncher() throws Exception {
    assertThat(ColdUv.launcherCommand(repo, List.of("java", "-Xmx256m", "-jar", jar.toString())))
        .contains(List.of(launcher.toString()));
    // The same jar by another path is still the jar the launcher finds.
    Path other = repo.resolve("logparse-service/target/../target/logparse-service.jar");
    assertThat(ColdUv.launcherCommand(repo, List.of("java", "-jar", other.toString()))).isPresent();
  }

  @Test
  void noLauncherForAnotherJarOrAClassPath() throws Exception {
    Path elsewhere = Files.writeString(repo.resolve("logparse-service.jar"), "");
    assertThat(ColdUv.launcherCommand(repo, List.of("java", "-jar", elsewhere.toString()))).isEmpty();
    assertThat(ColdUv.launcherCommand(repo, List.of("java", "-cp", jar.toString(), "dev.showdown.logparse.Main")))
        .isEmpty();
  }

  @Test
  void noLauncherWhenItIsNotThere() throws Exception {
    Files.delete(launcher);
    assertThat(ColdUv.launcherCommand(repo, List.of("java", "-jar", jar.toString()))).isEmpty();
  }
}
