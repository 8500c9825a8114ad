package dev.showdown.bench.logparse;

import dev.showdown.bench.latency.LatencyLog;
import dev.showdown.bench.process.ChildProcess;
import dev.showdown.bench.result.Figure;
import dev.showdown.bench.scenario.Contender;
import dev.showdown.bench.scenario.JavaService;
import dev.showdown.bench.scenario.ScenarioContext;
import dev.showdown.bench.scenario.Target;
import dev.showdown.bench.scenario.WindowResult;
import dev.showdown.bench.verify.HttpContracts;
import dev.showdown.bench.verify.HttpVerifier;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code POST /uv} of the standard file to the service under every JVM profile and every target that passes the contract's checks, in rounds. */
final class UvPostContenders {
  private static final String TOOL = "POST /uv";

  private UvPostContenders() {
  }

  static void measure(ScenarioContext context, List<JavaService> services, Path file) {
    UvAnswer expected = StandardLog.answer();
    List<Contender> contenders = new ArrayList<>();
    for (JavaService service : services) {
      String name = service.implementation();
      if (context.verified(name, ScenarioContext.SERVICE, service.url(),
          new HttpVerifier(name + " " + service.url(), service.url(), HttpContracts.logparse(file)))) {
        contenders.add(poster(context, name, ScenarioContext.SERVICE, service.url(), file, expected, service.process()));
      }
    }
    for (Target target : context.targets()) {
      if (context.verified(target.name(), ScenarioContext.TARGET, target.url(),
          new HttpVerifier(target.name() + " " + target.url(), target.url(), HttpContracts.logparse(file)))) {
        contenders.add(poster(context, target.name(), ScenarioContext.TARGET, target.url(), file, expected, null));
      }
    }
    context.measureInRounds(contenders);
  }

  private static Contender poster(ScenarioContext context, String implementation, String kind, String url, Path file,
                                  UvAnswer expected, ChildProcess sampled) {
    int connections = 2;
    Duration warmup = Duration.ofSeconds(context.quick() ? 1 : 3);
    Duration duration = Duration.ofSeconds(context.quick() ? 3 : 10);
    Map<String, Object> load = UvRuns.fileLoad(file, expected);
    load.put("connections", connections);
    load.put("duration_s", duration.toSeconds());
    load.put("warmup_s", warmup.toSeconds());
    return new Contender(implementation, kind, url, sampled, listener -> {
      context.phase(implementation + ": POST " + file.getFileName() + " to " + url + "/uv, " + connections
          + " clients, " + duration.toSeconds() + " s after " + warmup.toSeconds() + " s warm-up");
      UvPostLoad driver = new UvPostLoad(URI.create(url + "/uv"), file, expected);
      listener.warmupStarted(warmup, () -> -1);
      driver.warmUp(connections, warmup);
      listener.measureStarted(duration, () -> -1);
      UvPostLoad.Result result = driver.measure(connections, duration);
      listener.measureEnded();
      if (result.requests() == 0) {
        return WindowResult.failed("no correct answer: " + result.firstProblem());
      }
      listener.latencies(LatencyLog.of(result.latencyMicros()));
      List<Figure> figures = List.of(
          Figure.of(Figure.QPS, result.qps(), Figure.REQ_PER_S),
          Figure.of(Figure.P50, result.latencyMicros().getValueAtPercentile(50) / 1000.0, Figure.MS),
          Figure.of(Figure.P99, result.latencyMicros().getValueAtPercentile(99) / 1000.0, Figure.MS),
          Figure.of(Figure.MAX, result.latencyMicros().getMaxValue() / 1000.0, Figure.MS),
          Figure.of(Figure.ERRORS, result.failures(), Figure.COUNT),
          Figure.of("wrong_answers", result.wrongAnswers(), Figure.COUNT),
          Figure.of("body_throughput", result.megabytesPerSecond(), "MB/s"));
      WindowResult window = WindowResult.ok(TOOL, load, figures, result.requests());
      return result.firstProblem() == null ? window : window.withNotes(Map.of("first_problem", result.firstProblem()));
    });
  }
}
