package dev.showdown.kit;

import sun.misc.Signal;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/** The one way a service starts from the command line: start, print the ready line, stop cleanly on SIGTERM. */
public final class ServiceMain {
  /** Exit status when the service cannot start (port taken, bad address, a dependency's set-up failed). */
  public static final int EXIT_CANNOT_START = 2;

  private ServiceMain() {
  }

  /**
   * Starts the service and returns once it listens; returns {@link #EXIT_CANNOT_START} after printing why if
   * it cannot. On SIGTERM or SIGINT the service stops gracefully and the JVM exits with status 0.
   */
  public static int run(HttpService service, ServiceOptions options) {
    String address = options.host() + ":" + options.port(service.defaultPort());
    ServiceServer server;
    try {
      server = ServiceServer.start(service, options).await();
    } catch (Exception e) {
      System.err.println(service.name() + ": cannot start on " + address + ": " + reason(e));
      return EXIT_CANNOT_START;
    }
    System.out.println(service.name() + " started: transport=" + server.transport()
        + " event-loops=" + server.eventLoops()
        + " metrics=" + options.metrics()
        + " jdk=" + Runtime.version()
        + " jvm-flags=" + ManagementFactory.getRuntimeMXBean().getInputArguments());
    System.out.println(service.name() + " listening on " + server.host() + ":" + server.port());
    stopOnSignal(service.name(), options.shutdownGrace(), () -> server.stop(options.shutdownGrace()).await());
    return 0;
  }

  /** A blocking stop: returns once the service has stopped, throws if it could not stop cleanly. */
  @FunctionalInterface
  public interface Stop {
    void run() throws Exception;
  }

  /**
   * On the first SIGTERM or SIGINT, prints {@code <name> stopping}, runs {@code stop}, prints
   * {@code <name> stopped} and exits 0 (1 if the stop failed). For services that start without
   * {@link #run}, such as the gRPC one.
   */
  public static void stopOnSignal(String name, Duration grace, Stop stop) {
    AtomicBoolean stopping = new AtomicBoolean();
    Runnable onSignal = () -> {
      if (!stopping.compareAndSet(false, true)) {
        return;
      }
      System.out.println(name + " stopping (grace " + Durations.format(grace) + ")");
      try {
        stop.run();
        System.out.println(name + " stopped");
        System.exit(0);
      } catch (Exception e) {
        System.err.println(name + ": unclean stop: " + reason(e));
        System.exit(1);
      }
    };
    // A shutdown hook could not choose the exit status; a signal handler can, so SIGTERM ends with 0.
    Signal.handle(new Signal("TERM"), signal -> onSignal.run());
    Signal.handle(new Signal("INT"), signal -> onSignal.run());
  }

  /** The most telling message in a failure's cause chain, for one-line error reports. */
  public static String reason(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getMessage() == null) {
      cause = cause.getCause();
    }
    String message = cause.getMessage();
    return message == null ? cause.getClass().getSimpleName() : message;
  }
}
