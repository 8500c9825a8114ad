package dev.showdown.kit;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import sun.misc.Signal;

import java.io.PrintWriter;
import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/** The one way a service starts from the command line: start, print the ready line, stop cleanly on SIGTERM. */
public final class ServiceMain {
  /** Diagnostics only; what the contract names (the ready line, flag and start errors) is printed as it is. */
  private static final System.Logger LOG = System.getLogger(ServiceMain.class.getName());

  /** Exit status when the service cannot start (port taken, bad address, a dependency's set-up failed). */
  public static final int EXIT_CANNOT_START = 2;

  /** Exit status for a flag that is unknown, cannot be read, or is out of range. */
  public static final int EXIT_INVALID_FLAG = 2;

  /** Exit status when the command failed in a way nobody foresaw; the reason is printed, the stack trace is not. */
  public static final int EXIT_FAILED = 1;

  private ServiceMain() {
  }

  /**
   * What a service's {@code main} does: runs the picocli {@code command} ({@link #execute}) and exits with its
   * status unless that is 0, in which case the service runs on until a signal stops it.
   */
  public static void launch(Object command, String... args) {
    int status = execute(command, args);
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Parses {@code args} into the picocli {@code command} and calls it, returning its exit status. A flag picocli
   * cannot read and an {@link InvalidFlagException} from the command print {@code <command>: <reason>} on one line
   * of stderr and give {@link #EXIT_INVALID_FLAG}; any other failure prints its {@link #reason} and gives
   * {@link #EXIT_FAILED}. No usage text, no stack trace.
   */
  public static int execute(Object command, String... args) {
    CommandLine commandLine = new CommandLine(command);
    commandLine.setParameterExceptionHandler(ServiceMain::invalidFlag);
    commandLine.setExecutionExceptionHandler(ServiceMain::failed);
    return commandLine.execute(args);
  }

  private static int invalidFlag(ParameterException e, String[] args) {
    return printed(e.getCommandLine(), e.getMessage(), EXIT_INVALID_FLAG);
  }

  private static int failed(Exception e, CommandLine commandLine, ParseResult parsed) {
    if (e instanceof InvalidFlagException) {
      return printed(commandLine, e.getMessage(), EXIT_INVALID_FLAG);
    }
    return printed(commandLine, reason(e), EXIT_FAILED);
  }

  private static int printed(CommandLine commandLine, String reason, int status) {
    PrintWriter err = commandLine.getErr();
    // One line whatever the reason holds: a log scraper or a person reading a terminal sees it whole.
    err.println(commandLine.getCommandName() + ": " + reason.replaceAll("\\s*\\R\\s*", " "));
    err.flush();
    return status;
  }

  /**
   * Starts the service and returns once it listens; returns {@link #EXIT_CANNOT_START} after printing why if
   * it cannot. On SIGTERM or SIGINT the service stops gracefully and the JVM exits with status 0.
   */
  public static int run(HttpService service, ServiceOptions options) {
    String address = options.host() + ":" + options.port(service.defaultPort());
    return runServer(service.name(), address, options.shutdownGrace(), () -> {
      ServiceServer server = ServiceServer.start(service, options).await();
      String details = "transport=" + server.transport() + " event-loops=" + server.eventLoops()
          + " metrics=" + options.metrics();
      return new Running(details, server.host(), server.port(), grace -> server.stop(grace).await());
    });
  }

  /** A server that {@link #runServer} starts. */
  @FunctionalInterface
  public interface Startable {
    /** Starts the server and returns once it listens; throws if it cannot start. */
    Running start() throws Exception;
  }

  /** A blocking graceful stop: returns once the server has stopped, throws if it could not stop cleanly. */
  @FunctionalInterface
  public interface Stop {
    void run(Duration grace) throws Exception;
  }

  /**
   * A server that listens: its set-up in {@code name=value} words for the line before the ready line (e.g.
   * {@code transport=epoll event-loops=2}), the address it listens on, and how it stops.
   */
  public record Running(String details, String host, int port, Stop stop) {
  }

  /**
   * What every service does from its command line once its flags are valid: prints {@code <name> starting on
   * <address>}, starts {@code server}, prints {@code <name> started: <details> jdk=... jvm-flags=...} and the ready
   * line {@code <name> listening on <host>:<port>}, and returns 0; or prints {@code <name>: cannot start on
   * <address>: <reason>} on stderr and returns {@link #EXIT_CANNOT_START}. On the first SIGTERM or SIGINT the
   * server stops gracefully within {@code grace} and the JVM exits 0 (1 if the stop failed).
   */
  public static int runServer(String name, String address, Duration grace, Startable server) {
    // The handler comes first, so that a SIGTERM that arrives while the server starts, or the moment its ready
    // line appears, stops it cleanly (exit 0) instead of ending the JVM with 143. Such a stop waits for the start;
    // if the start fails, this method's exit status 2 ends the process and the stop never runs.
    CompletableFuture<Running> started = new CompletableFuture<>();
    stopOnSignal(name, grace, limit -> started.join().stop().run(limit));
    System.out.println(name + " starting on " + address);
    Running running;
    try {
      running = server.start();
    } catch (Exception e) {
      System.err.println(name + ": cannot start on " + address + ": " + reason(e));
      return EXIT_CANNOT_START;
    }
    started.complete(running);
    System.out.println(name + " started: " + running.details()
        + " jdk=" + Runtime.version()
        + " jvm-flags=" + ManagementFactory.getRuntimeMXBean().getInputArguments());
    System.out.println(name + " listening on " + running.host() + ":" + running.port());
    return 0;
  }

  /**
   * On the first SIGTERM or SIGINT, prints {@code <name> stopping}, runs {@code stop}, prints
   * {@code <name> stopped} and exits 0 (1 if the stop failed).
   */
  private static void stopOnSignal(String name, Duration grace, Stop stop) {
    AtomicBoolean stopping = new AtomicBoolean();
    Runnable onSignal = () -> {
      if (!stopping.compareAndSet(false, true)) {
        return;
      }
      System.out.println(name + " stopping (grace " + Durations.format(grace) + ")");
      try {
        stop.run(grace);
        System.out.println(name + " stopped");
        System.exit(0);
      } catch (Exception e) {
        LOG.log(Level.ERROR, name + ": unclean stop: " + reason(e), e);
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
