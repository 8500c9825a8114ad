package dev.showdown.grpc;

import dev.showdown.kit.ServiceMain;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Callable;

@Command(name = "grpc-service", mixinStandardHelpOptions = true,
    description = "userservice.v1.UserService/GetUser over gRPC, with gRPC health and reflection; "
        + "/health and /metrics over HTTP on --http-port.")
public final class Main implements Callable<Integer> {
  @Mixin
  GrpcOptions options;

  @Override
  public Integer call() {
    UserGrpcServer server;
    try {
      server = UserGrpcServer.start(options);
    } catch (Exception e) {
      System.err.println("grpc-service: cannot start on " + options.host() + ":" + options.port() + ": " + ServiceMain.reason(e));
      return ServiceMain.EXIT_CANNOT_START;
    }
    System.out.println("grpc-service started: transport=" + server.transport()
        + " event-loops=" + options.eventLoops()
        + " executor=" + options.executor()
        + " flow-control-window=" + options.flowControlWindow()
        + " store=" + server.store()
        + " http-port=" + server.httpPort()
        + " metrics=" + options.metrics()
        + " jdk=" + Runtime.version()
        + " jvm-flags=" + ManagementFactory.getRuntimeMXBean().getInputArguments());
    // The bench waits for this exact line, with the gRPC port.
    System.out.println("grpc-service listening on " + options.host() + ":" + server.port());
    ServiceMain.stopOnSignal("grpc-service", options.shutdownGrace(), () -> server.stop(options.shutdownGrace()));
    return 0;
  }

  public static void main(String[] args) {
    int status = new CommandLine(new Main()).execute(args);
    if (status != 0) {
      System.exit(status);
    }
  }
}
