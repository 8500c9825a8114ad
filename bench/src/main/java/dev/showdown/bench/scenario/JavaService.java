package dev.showdown.bench.scenario;

import dev.showdown.bench.process.ChildProcess;
import dev.showdown.bench.process.JvmProfile;

/**
 * A Java service the bench started under one JVM profile: the report's row for it (e.g. {@code java-vertx (lean)}),
 * the profile, and its process (stopped when the scenario ends).
 */
public record JavaService(String implementation, JvmProfile profile, ChildProcess process) {
  public String url() {
    return process.url();
  }
}
