package dev.showdown.bench.process;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM profiles of {@code bench run --profile} and {@code --sweep-heap}: which names a list may hold, and the
 * flags each profile stands for. {@code default} is {@code --jvm-opts}; {@code lean} is the repository's
 * {@code lean.jvm}, plus {@code lean-jdk25.jvm} when the services' java is 25 or newer; {@code lean-c2} is lean
 * with C2 kept ({@code -XX:TieredStopAtLevel=4}); a sweep size is lean-c2 with that {@code -Xmx}.
 */
public final class JvmProfiles {
  public static final String BOTH = "both";
  public static final String ALL = "all";
  public static final List<String> NAMES = List.of(JvmProfile.DEFAULT, JvmProfile.LEAN, JvmProfile.LEAN_C2);
  static final String LEAN_FILE = "lean.jvm";
  static final String LEAN_JDK25_FILE = "lean-jdk25.jvm";
  static final String KEEP_C2 = "-XX:TieredStopAtLevel=4";
  /** The first JDK that takes every flag of {@link #LEAN_JDK25_FILE} without an unlock flag. */
  static final int JDK_OF_LEAN_JDK25 = 25;
  /** A sweep's {@code -Xms}, unless its {@code -Xmx} is smaller: lean.jvm's own. */
  static final HeapSize SWEEP_INITIAL = HeapSize.parse("8m");

  private static final Pattern JAVA_FEATURE = Pattern.compile("version \"(\\d+)");

  private JvmProfiles() {
  }

  /**
   * The profile names of a {@code --profile} list, e.g. {@code both} or {@code default,lean-c2}, in the order
   * given, each once; {@code both} is default,lean and {@code all} the three.
   *
   * @throws IllegalArgumentException with a one-line reason for an empty list or an unknown name
   */
  public static List<String> parseNames(String list) {
    Set<String> names = new LinkedHashSet<>();
    for (String item : list.split(",", -1)) {
      String name = item.strip().toLowerCase(Locale.ROOT);
      switch (name) {
        case BOTH -> names.addAll(List.of(JvmProfile.DEFAULT, JvmProfile.LEAN));
        case ALL -> names.addAll(NAMES);
        default -> {
          if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("--profile: unknown profile '" + item.strip() + "' in '" + list
                + "'; known: " + String.join(", ", NAMES) + ", " + BOTH + ", " + ALL);
          }
          names.add(name);
        }
      }
    }
    return List.copyOf(names);
  }

  /**
   * The sizes of a {@code --sweep-heap} list, e.g. {@code 16m,32m,1g}, in the order given.
   *
   * @throws IllegalArgumentException with a one-line reason for a size that is not one or given twice
   */
  public static List<HeapSize> parseSizes(String list) {
    List<HeapSize> sizes = new ArrayList<>();
    for (String item : list.split(",", -1)) {
      HeapSize size;
      try {
        size = HeapSize.parse(item.strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--sweep-heap: " + e.getMessage());
      }
      if (sizes.stream().anyMatch(s -> s.bytes() == size.bytes())) {
        throw new IllegalArgumentException("--sweep-heap: " + item.strip() + " is given twice in '" + list + "'");
      }
      sizes.add(size);
    }
    return List.copyOf(sizes);
  }

  /** The feature release of a {@code java -version} text ({@code openjdk version "25.0.1"...}: 25); 0 when it names none. */
  public static int javaFeature(String version) {
    Matcher m = JAVA_FEATURE.matcher(version);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  /**
   * The profiles {@code names} stand for: {@code defaultFlags} for default; lean's from the files in {@code repo},
   * with lean-jdk25.jvm added when {@code javaFeature} is 25 or newer. The files are read only when asked for.
   *
   * @throws IOException when a lean file is missing or unreadable
   */
  public static List<JvmProfile> of(List<String> names, List<String> defaultFlags, Path repo, int javaFeature) throws IOException {
    List<JvmProfile> profiles = new ArrayList<>();
    for (String name : names) {
      profiles.add(switch (name) {
        case JvmProfile.DEFAULT -> new JvmProfile(JvmProfile.DEFAULT, "--jvm-opts", defaultFlags);
        case JvmProfile.LEAN -> lean(repo, javaFeature);
        case JvmProfile.LEAN_C2 -> leanC2(repo, javaFeature);
        default -> throw new IllegalArgumentException("unknown profile " + name);
      });
    }
    return List.copyOf(profiles);
  }

  /** One profile per size: lean-c2 with {@code -Xmx<size>} and {@code -Xms8m} (the size itself when smaller). */
  public static List<JvmProfile> sweep(List<HeapSize> sizes, Path repo, int javaFeature) throws IOException {
    if (sizes.isEmpty()) {
      return List.of();
    }
    JvmProfile leanC2 = leanC2(repo, javaFeature);
    List<JvmProfile> sweep = new ArrayList<>();
    for (HeapSize size : sizes) {
      HeapSize initial = size.bytes() < SWEEP_INITIAL.bytes() ? size : SWEEP_INITIAL;
      sweep.add(new JvmProfile(leanC2.name() + ", -Xmx" + size.text(), leanC2.source() + " -Xms" + initial.text()
          + " -Xmx" + size.text(), JvmFlags.override(leanC2.flags(), List.of("-Xms" + initial.text(), "-Xmx" + size.text()))));
    }
    return List.copyOf(sweep);
  }

  private static JvmProfile lean(Path repo, int javaFeature) throws IOException {
    List<String> flags = read(repo, LEAN_FILE);
    String source = LEAN_FILE;
    if (javaFeature >= JDK_OF_LEAN_JDK25) {
      flags = JvmFlags.override(flags, read(repo, LEAN_JDK25_FILE));
      source += " + " + LEAN_JDK25_FILE;
    }
    return new JvmProfile(JvmProfile.LEAN, source, flags);
  }

  private static JvmProfile leanC2(Path repo, int javaFeature) throws IOException {
    JvmProfile lean = lean(repo, javaFeature);
    return new JvmProfile(JvmProfile.LEAN_C2, lean.source() + " + " + KEEP_C2, JvmFlags.override(lean.flags(), List.of(KEEP_C2)));
  }

  private static List<String> read(Path repo, String file) throws IOException {
    try {
      return JvmFlags.readArgFile(repo.resolve(file));
    } catch (NoSuchFileException e) {
      throw new IOException(repo.resolve(file) + " is missing (the lean profiles read it from the repository root)", e);
    }
  }
}
