package dev.showdown.bench.push;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This process's open-file limit, read from {@code /proc/self/limits} (the JVM raises the soft limit to the hard one). */
final class FileLimit {
  private FileLimit() {
  }

  /** The soft limit on open files, or -1 when it cannot be read (not Linux). */
  static long current() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
        if (line.startsWith("Max open files")) {
          String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
          return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
