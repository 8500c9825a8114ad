package dev.showdown.kit;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** The probe service as a command, for tests that run the kit's command-line lifecycle in-process or as a child JVM. */
@Command(name = "probe", mixinStandardHelpOptions = true)
public final class ProbeMain implements Callable<Integer> {
  @Mixin
  ServiceOptions options;

  @Option(names = "--answer", defaultValue = "42", description = "Must be 42: a flag the service itself validates")
  int answer;

  @Override
  public Integer call() {
    InvalidFlagException.require(answer == 42, "--answer must be 42, was " + answer);
    return ServiceMain.run(new ServiceServerTest.ProbeService(), options);
  }

  public static void main(String[] args) {
    ServiceMain.launch(new ProbeMain(), args);
  }
}
