package dev.showdown.bench.process;

import java.util.List;

/**
 * One set of JVM flags a Java service is measured under, e.g. {@code lean-c2}: its name, which the service's row
 * in the report carries ({@code java-vertx (lean-c2)}; the {@code default} profile's row is the bare name), where
 * its flags come from, and the flags themselves, as given to {@code java} after any argfile was read.
 */
public record JvmProfile(String name, String source, List<String> flags) {
  public static final String DEFAULT = "default";
  public static final String LEAN = "lean";
  public static final String LEAN_C2 = "lean-c2";

  public JvmProfile {
    flags = List.copyOf(flags);
  }

  public boolean isDefault() {
    return DEFAULT.equals(name);
  }

  /** The report's row for {@code implementation} run under this profile, e.g. {@code java-vertx redis (lean)}. */
  public String row(String implementation) {
    return isDefault() ? implementation : implementation + " (" + name + ")";
  }
}
