package dev.showdown.grpc;

import dev.showdown.kit.ServiceMain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Callable;

@Command(name = "grpc-service", mixinStandardHelpOptions = true,
    description = "userservice.v1.UserService/GetUser over gRPC, with gRPC health and reflection; "
        + "/health and /metrics over HTTP on --http-port.")
public final class Main implements Callable<Integer> {
  private static final String NAME = "grpc-service";

  @Mixin
  GrpcOptions options;

  @Override
  public Integer call() {
    options.validate();
    UserGrpcServer server;
    try {
      server = UserGrpcServer.start(options);
    } catch (Exception e) {
      System.err.println(NAME + ": cannot start on " + options.host() + ":" + options.port() + ": " + ServiceMain.reason(e));
      return ServiceMain.EXIT_CANNOT_START;
    }
    // Before the ready line: the bench may send SIGTERM the moment it reads it, and without the handler the
    // JVM would die of the signal (exit 143) instead of stopping gracefully with 0.
    ServiceMain.stopOnSignal(NAME, options.shutdownGrace(), () -> server.stop(options.shutdownGrace()));
    System.out.println(NAME + " started: transport=" + server.transport()
        + " event-loops=" + options.eventLoops()
        + " executor=" + options.executor()
        + " flow-control-window=" + options.flowControlWindow()
        + " store=" + server.store()
        + " http-port=" + server.httpPort()
        + " metrics=" + options.metrics()
        + " jdk=" + Runtime.version()
        + " jvm-flags=" + ManagementFactory.getRuntimeMXBean().getInputArguments());
    // The bench waits for this exact line, with the gRPC port.
    System.out.println(NAME + " listening on " + options.host() + ":" + server.port());
    return 0;
  }

  public static void main(String[] args) {
    ServiceMain.launch(new Main(), args);
  }
}
