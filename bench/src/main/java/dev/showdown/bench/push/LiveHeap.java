package dev.showdown.bench.push;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Weighs a JVM's live heap from outside: {@code jcmd <pid> GC.class_histogram} runs a full collection and
 * totals the objects still reachable. It pauses the target, so call it outside a measured window.
 */
final class LiveHeap {
  private LiveHeap() {
  }

  /** Live bytes of {@code pid}, or -1 when jcmd is missing or cannot attach (another JDK, say). */
  static long of(long pid) {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    if (!Files.isExecutable(jcmd)) {
      return -1;
    }
    try {
      Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.class_histogram")
          .redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        return -1;
      }
      // The last line reads "Total <instances> <bytes>".
      java.util.List<String> lines = output.lines().toList();
      for (int i = lines.size() - 1; i >= 0; i--) {
        String line = lines.get(i);
        if (line.startsWith("Total")) {
          String[] fields = line.trim().split("\\s+");
          return Long.parseLong(fields[2]);
        }
      }
      return -1;
    } catch (Exception e) {
      return -1;
    }
  }
}
