package dev.showdown.bench.run;

import dev.showdown.bench.process.ServiceLocation;
import picocli.CommandLine.Command;

/** {@code bench list}: the scenarios, their standard loads, and whether their service jars are built. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the scenarios and their standard loads.")
public final class ListCommand implements Runnable {
  @Override
  public void run() {
    ScenarioTable.print(System.out, ServiceLocation.jars(RepoRoot.find()));
  }
}
