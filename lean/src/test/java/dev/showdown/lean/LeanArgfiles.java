package dev.showdown.lean;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The lean flag files at the repository root that apply to the running JDK, and the flags they hold. */
final class LeanArgfiles {
  /** The JDK from which {@code lean-jdk25.jvm} applies (its flags do not exist before). */
  static final int JDK25 = 25;

  private final List<Path> files;

  private LeanArgfiles(List<Path> files) {
    this.files = List.copyOf(files);
  }

  /** {@code lean.jvm}, plus {@code lean-jdk25.jvm} when this JVM is JDK 25 or newer. */
  static LeanArgfiles forJdk(Path repoRoot, int jdkFeature) {
    List<Path> files = new ArrayList<>(List.of(repoRoot.resolve("lean.jvm")));
    if (jdkFeature >= JDK25) {
      files.add(repoRoot.resolve("lean-jdk25.jvm"));
    }
    return new LeanArgfiles(files);
  }

  /** What goes on the java command line: one {@code @file} per file. */
  List<String> launcherArguments() {
    return files.stream().map(file -> "@" + file.toAbsolutePath().normalize()).toList();
  }

  /** Every flag of every file, in order: the lines that are neither blank nor a {@code #} comment. */
  List<String> flags() throws IOException {
    List<String> flags = new ArrayList<>();
    for (Path file : files) {
      for (String line : Files.readAllLines(file)) {
        String flag = line.strip();
        if (!flag.isEmpty() && !flag.startsWith("#")) {
          flags.add(flag);
        }
      }
    }
    return flags;
  }
}
