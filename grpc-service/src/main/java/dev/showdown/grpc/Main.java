package dev.showdown.grpc;

import dev.showdown.kit.ServiceMain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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
    // Through the kit, which puts the SIGTERM handler in place before the start: the bench may stop a service at
    // any moment, and caught without it the JVM would die of the signal (exit 143) instead of stopping with 0.
    return ServiceMain.runServer(NAME, options.host() + ":" + options.port(), options.shutdownGrace(), () -> {
      UserGrpcServer server = UserGrpcServer.start(options);
      String details = "transport=" + server.transport()
          + " event-loops=" + options.eventLoops()
          + " executor=" + options.executor()
          + " flow-control-window=" + options.flowControlWindow()
          + " store=" + server.store()
          + " http-port=" + server.httpPort()
          + " metrics=" + options.metrics();
      // The ready line carries the gRPC port, which the bench waits for.
      return new ServiceMain.Running(details, options.host(), server.port(), server::stop);
    });
  }

  public static void main(String[] args) {
    ServiceMain.launch(new Main(), args);
  }
}
