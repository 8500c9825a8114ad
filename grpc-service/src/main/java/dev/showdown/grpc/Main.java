package dev.showdown.grpc;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import sun.misc.Signal;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

@Command(name = "grpc-service", mixinStandardHelpOptions = true,
    description = "userservice.v1.UserService/GetUser over gRPC, with gRPC health and reflection; "
        + "/health and /metrics over HTTP on --http-port.")
public final class Main implements Callable<Integer> {
  /** Exit status when the service cannot start, as for every service of the kit. */
  static final int EXIT_CANNOT_START = 2;

  @Mixin
  GrpcOptions options;

  @Override
  public Integer call() {
    UserGrpcServer server;
    try {
      server = UserGrpcServer.start(options);
    } catch (Exception e) {
      System.err.println("grpc-service: cannot start on " + options.host() + ":" + options.port() + ": " + describe(e));
      return EXIT_CANNOT_START;
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
    stopOnSignal(server);
    return 0;
  }

  private void stopOnSignal(UserGrpcServer server) {
    AtomicBoolean stopping = new AtomicBoolean();
    Runnable stop = () -> {
      if (stopping.compareAndSet(false, true)) {
        System.out.println("grpc-service stopping");
        server.stop(options.shutdownGrace());
        System.out.println("grpc-service stopped");
        System.exit(0);
      }
    };
    // As in the kit: a signal handler (unlike a shutdown hook) can exit with 0 after a clean stop.
    Signal.handle(new Signal("TERM"), signal -> stop.run());
    Signal.handle(new Signal("INT"), signal -> stop.run());
  }

  private static String describe(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getMessage() == null) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }

  public static void main(String[] args) {
    int status = new CommandLine(new Main()).execute(args);
    if (status != 0) {
      System.exit(status);
    }
  }
}
