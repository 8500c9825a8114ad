package dev.showdown.grpc;

import dev.showdown.kit.ServiceProcess;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** {@code grpc-service --host 127.0.0.1 --http-port -1 <flags>} in a child JVM tuned to start quickly. */
final class GrpcProcess {
  /** Start-up speed over peak speed: these children serve a call or two. */
  static final List<String> QUICK_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");

  private GrpcProcess() {
  }

  static ServiceProcess start(String... flags) {
    return start(process -> { }, flags);
  }

  /** As {@link #start(String...)}, and runs {@code onReady} the moment the ready line is read. */
  static ServiceProcess start(Consumer<Process> onReady, String... flags) {
    return ServiceProcess.start(Main.class, QUICK_JVM, onReady, withDefaults(flags));
  }

  /** As {@link #start(String...)}, and runs {@code action} the moment the first stdout line {@code atLine} accepts is read. */
  static ServiceProcess start(Predicate<String> atLine, Consumer<Process> action, String... flags) {
    return ServiceProcess.start(Main.class, QUICK_JVM, atLine, action, withDefaults(flags));
  }

  private static String[] withDefaults(String... flags) {
    List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1", "--http-port", "-1"));
    args.addAll(List.of(flags));
    return args.toArray(String[]::new);
  }
}
