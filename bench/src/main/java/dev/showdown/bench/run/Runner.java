package dev.showdown.bench.run;

import dev.showdown.bench.process.ChildProcesses;
import dev.showdown.bench.result.RunResult;
import dev.showdown.bench.result.ScenarioResult;
import dev.showdown.bench.scenario.RunSettings;
import dev.showdown.bench.scenario.Scenario;
import dev.showdown.bench.scenario.ScenarioContext;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs scenarios one after the other, each in its own context whose children are stopped when it ends, and
 * writes the results after every scenario, so that a failure or Ctrl-C still leaves what was measured.
 */
public final class Runner {
  private static final Duration HOOK_WAIT = Duration.ofSeconds(5);
  private static final String INTERRUPTED = "interrupted (the bench was stopped mid-scenario)";

  private final RunSettings settings;
  private final RunHeader header;
  private final ResultsSink sink;
  private final List<ScenarioResult> results = new ArrayList<>();
  private final String started = Instant.now().toString();
  private Scenario current;
  private ScenarioContext currentContext;
  private long currentStart;
  private boolean finished;
  private volatile boolean stopping;

  public Runner(RunSettings settings, RunHeader header, ResultsSink sink) {
    this.settings = settings;
    this.header = header;
    this.sink = sink;
  }

  /**
   * Runs {@code scenarios}; those in {@code skipped} (name to reason) are reported as skipped. Returns the run's
   * results, also written to the sink.
   */
  public RunResult run(List<Scenario> scenarios, Map<String, String> skipped) {
    Thread onInterrupt = new Thread(this::interrupted, "bench-interrupted");
    Runtime.getRuntime().addShutdownHook(onInterrupt);
    try {
      int index = 0;
      for (Scenario scenario : scenarios) {
        if (stopping) {
          break;
        }
        index++;
        String skip = skipped.get(scenario.name());
        if (skip != null) {
          settings.progress().line(scenario.name(), "skipped: " + skip);
          add(new ScenarioResult(scenario.name(), scenario.title(), scenario.standardLoad(), ScenarioResult.SKIPPED,
              skip, 0, List.of(), scenario.published()));
          continue;
        }
        settings.progress().line(scenario.name(), "(" + index + "/" + scenarios.size() + ") " + scenario.title()
            + "; load: " + scenario.standardLoad() + (settings.quick() ? " (--quick: shortened)" : ""));
        add(runOne(scenario));
      }
      synchronized (this) {
        finished = true;
        return write();
      }
    } finally {
      removeHook(onInterrupt);
    }
  }

  private ScenarioResult runOne(Scenario scenario) {
    ScenarioContext context = new ScenarioContext(scenario, settings);
    synchronized (this) {
      current = scenario;
      currentContext = context;
      currentStart = System.nanoTime();
    }
    String status = ScenarioResult.OK;
    String reason = null;
    try {
      scenario.run(context);
    } catch (Exception | Error e) {
      status = ScenarioResult.FAILED;
      reason = e.getMessage() == null ? e.toString() : e.getMessage();
      settings.progress().line(scenario.name(), "FAILED: " + reason);
    } finally {
      context.close();
    }
    if (stopping) {
      status = ScenarioResult.FAILED;
      reason = INTERRUPTED;
    }
    synchronized (this) {
      if (current != scenario) {
        return null; // the shutdown hook gave up waiting and recorded it as interrupted
      }
      current = null;
      notifyAll();
      return new ScenarioResult(scenario.name(), scenario.title(), scenario.standardLoad(), status, reason,
          seconds(currentStart), context.measurements(), scenario.published());
    }
  }

  private synchronized void add(ScenarioResult result) {
    if (result != null) {
      results.add(result);
      write();
    }
  }

  private synchronized RunResult write() {
    RunResult result = new RunResult(RunResult.SCHEMA, started, Instant.now().toString(), header.machine(), header.jvm(),
        header.git(), header.settings(), List.copyOf(results));
    sink.accept(result);
    return result;
  }

  /**
   * Ctrl-C or SIGTERM mid-run: stop every child, give the running scenario a moment to record itself as
   * interrupted (its load fails once its service is gone), else record it here, and write the rest.
   */
  private void interrupted() {
    stopping = true;
    ChildProcesses.stopAll();
    synchronized (this) {
      long deadline = System.nanoTime() + HOOK_WAIT.toNanos();
      while (current != null && !finished && System.nanoTime() < deadline) {
        try {
          wait(100);
        } catch (InterruptedException e) {
          break;
        }
      }
      if (finished) {
        return;
      }
      if (current != null) {
        results.add(new ScenarioResult(current.name(), current.title(), current.standardLoad(), ScenarioResult.FAILED,
            INTERRUPTED, seconds(currentStart), currentContext.measurements(), current.published()));
        current = null;
      }
      settings.progress().line("bench", "interrupted: writing what was measured");
      write();
    }
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down: the hook is running or has run.
    }
  }

  /** The parts of results.json fixed before the first scenario runs. */
  public record RunHeader(RunResult.Machine machine, RunResult.Jvm jvm, RunResult.Git git, Map<String, Object> settings) {
  }

  /** Where results go after each scenario (files in a run directory; a list in tests). */
  public interface ResultsSink {
    void accept(RunResult result);
  }
}
