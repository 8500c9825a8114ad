package dev.showdown.bench.report;

import dev.showdown.bench.result.RunResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The reports' "JVM flags" section: why the default flags are what they are on a 2-core machine, what the lean
 * profiles change, and the flags of every profile this run measured (from results.json's
 * {@code settings.jvm_profiles}).
 */
final class JvmFlagsText {
  /** One flag or group of flags and why. */
  record Entry(String flags, String why) {
  }

  /** A profile of the run: its name, where its flags come from, and the flags. */
  record Profile(String name, String source, String flags) {
  }

  static final String TITLE = "JVM flags";

  static final String INTRO = "Every Java row ran on the flags of its profile: java-vertx on the default ones "
      + "(--jvm-opts), java-vertx (lean) and java-vertx (lean-c2) on the repository's lean.jvm (see lean/README.md), "
      + "a heap-sweep row on lean-c2 with its -Xmx. The default flags are chosen for the bench's machine, 2 cores "
      + "shared by the service and the load generator:";

  static final List<Entry> DEFAULT = List.of(
      new Entry("-XX:+UseParallelGC", "the throughput collector. It does no concurrent work: G1 (the JDK's default) "
          + "and ZGC run marking and refinement threads beside the application, and on 2 cores those threads take "
          + "their time from the event loops and the load generator. ParallelGC's write barrier is also the cheapest "
          + "(card marking only), and its stop-the-world young collections are short when the heap is small and "
          + "nearly every object of a request dies young: the highest throughput per core, with pauses that stay "
          + "out of the P99 of these services."),
      new Entry("-Xms256m -Xmx256m", "a fixed heap: the JVM never grows or shrinks it, so no resizing (and no "
          + "collection forced by it) falls inside a measured window, and every round runs on the same heap. The "
          + "heap is committed but only the pages the collector touches become resident, so RSS still shows what a "
          + "service uses; -XX:+AlwaysPreTouch is left out for that reason."),
      new Entry("256m", "several times the live set of every service (the largest, push with 10,000 connections, "
          + "lives in a small fraction of it): a young generation that large lets a request's objects die before "
          + "they are copied, and the old generation is seldom collected, so what is measured is the service, not "
          + "the collector."),
      new Entry("-XX:+ExitOnOutOfMemoryError", "a service out of heap exits at once and its measurement fails with "
          + "the reason, instead of going on with a thread killed by the error and being measured half-broken."));

  static final List<Entry> LEAN = List.of(
      new Entry("lean (lean.jvm)", "-XX:+UseSerialGC (no GC threads at all; on a heap this small one thread "
          + "collects about as fast as several), -Xms8m -Xmx64m (a heap that follows the live set), "
          + "-XX:TieredStopAtLevel=1 (C1 only: no C2 compiler threads, arenas or larger code: the largest native "
          + "cost after the heap, at the price of peak throughput), ceilings on the code cache, metaspace and direct "
          + "memory well above what a service uses, and -XX:+ExitOnOutOfMemoryError. On JDK 25 or newer "
          + "lean-jdk25.jvm adds -XX:+UseCompactObjectHeaders (8-byte object headers)."),
      new Entry("lean-c2", "lean with -XX:TieredStopAtLevel=4: C2 kept. Services whose hot path needs C2's inlining "
          + "and escape analysis (user, grpc) lose much of their throughput under C1 alone; lean-c2 keeps it at a "
          + "part of the default profile's RSS."),
      new Entry("lean-c2, -Xmx<size>", "a --sweep-heap row: lean-c2 with that maximum heap and -Xms8m (the size, "
          + "when smaller). Where throughput starts to fall as the heap shrinks is where the heap stops being spare."));

  private JvmFlagsText() {
  }

  /** The profiles of {@code result}: from {@code settings.jvm_profiles}, or, in a file from before profiles, the one run. */
  static List<Profile> profiles(RunResult result) {
    List<Profile> profiles = new ArrayList<>();
    if (result.settings() != null && result.settings().get(RunResult.JVM_PROFILES) instanceof Map<?, ?> map) {
      map.forEach((name, value) -> {
        Map<?, ?> profile = value instanceof Map<?, ?> m ? m : Map.of();
        Object flags = profile.get("flags");
        profiles.add(new Profile(name.toString(), String.valueOf(profile.get("source")),
            flags instanceof List<?> list ? String.join(" ", list.stream().map(Object::toString).toList()) : ""));
      });
    }
    if (profiles.isEmpty()) {
      profiles.add(new Profile("default", "--jvm-opts", String.join(" ", result.jvm().flags())));
    }
    return profiles;
  }
}
