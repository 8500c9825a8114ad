package dev.showdown.bench.scenario;

import dev.showdown.bench.data.DataScenario;
import dev.showdown.bench.data.UserScenario;
import dev.showdown.bench.fib.FibScenario;
import dev.showdown.bench.grpc.GrpcScenario;
import dev.showdown.bench.logparse.LogparseScenario;
import dev.showdown.bench.ping.PingScenario;
import dev.showdown.bench.push.PushScaleScenario;
import dev.showdown.bench.push.PushScenario;

import java.util.List;
import java.util.Optional;

/** Every scenario the bench knows, in the order a full run measures them: add one line per scenario. */
public final class Scenarios {
  private static final List<Scenario> ALL = List.of(
      new PingScenario(),
      new FibScenario(),
      new DataScenario(),
      new UserScenario(),
      new LogparseScenario(),
      new GrpcScenario(),
      new PushScenario(),
      new PushScaleScenario()
  );

  private Scenarios() {
  }

  public static List<Scenario> all() {
    return ALL;
  }

  public static Optional<Scenario> named(String name) {
    return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
  }
}
