package dev.showdown.bench.run;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the repository the service jars are built in: the working directory when it is the repository,
 * else the nearest parent of the bench's own jar ({@code <repo>/bench/target/bench.jar}) that is.
 */
public final class RepoRoot {
  private RepoRoot() {
  }

  public static Path find() {
    Path cwd = Path.of("").toAbsolutePath();
    if (isRepo(cwd)) {
      return cwd;
    }
    try {
      Path code = Path.of(RepoRoot.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      for (Path dir = code.getParent(); dir != null; dir = dir.getParent()) {
        if (isRepo(dir)) {
          return dir;
        }
      }
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      // No usable code source: the working directory is the best guess left.
    }
    return cwd;
  }

  private static boolean isRepo(Path dir) {
    return Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("bench"));
  }
}
