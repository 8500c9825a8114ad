package dev.showdown.bench.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every child process the bench started and has not yet stopped. A JVM shutdown hook (Ctrl-C, SIGTERM,
 * or a crash of the runner) stops whatever is left, so no child outlives the bench.
 */
public final class ChildProcesses {
  private static final Duration HOOK_GRACE = Duration.ofSeconds(3);
  private static final Set<ChildProcess> LIVE = ConcurrentHashMap.newKeySet();
  private static final Set<Process> TOOLS = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::stopAll, "bench-children-stop"));
  }

  private ChildProcesses() {
  }

  static void register(ChildProcess child) {
    LIVE.add(child);
  }

  static void unregister(ChildProcess child) {
    LIVE.remove(child);
  }

  /** Tracks a short-lived tool run (wrk) so that Ctrl-C or SIGTERM to the bench also ends it. */
  public static void track(Process tool) {
    TOOLS.add(tool);
  }

  public static void untrack(Process tool) {
    TOOLS.remove(tool);
  }

  /** The children still running, for tests and for the runner's own checks. */
  public static List<ChildProcess> live() {
    return new ArrayList<>(LIVE);
  }

  /** SIGTERM to every live child at once, then a kill for those that did not exit within the grace. */
  public static void stopAll() {
    TOOLS.forEach(Process::destroyForcibly);
    List<ChildProcess> children = live();
    children.forEach(ChildProcess::terminate);
    children.forEach(child -> child.awaitOrKill(HOOK_GRACE));
  }
}
