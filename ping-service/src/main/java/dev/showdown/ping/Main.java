package dev.showdown.ping;

import dev.showdown.kit.ServiceMain;
import dev.showdown.kit.ServiceOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "ping-service", mixinStandardHelpOptions = true,
    description = "GET /ping -> {\"message\":\"pong\"}, plus /health and /metrics.")
public final class Main implements Callable<Integer> {
  @Mixin
  ServiceOptions options;

  @Override
  public Integer call() {
    return ServiceMain.run(new PingService(), options);
  }

  public static void main(String[] args) {
    ServiceMain.launch(new Main(), args);
  }
}
