package dev.showdown.bench.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the command lines of child JVMs: services run on {@code --java} with {@code --jvm-opts}; the bench's
 * own helper subcommands (stubs, seeders) run on the bench's JVM and class path.
 */
public final class JvmLauncher {
  private final String java;
  private final List<String> jvmOptions;
  private final ServiceLocation services;

  public JvmLauncher(String java, List<String> jvmOptions, ServiceLocation services) {
    this.java = java;
    this.jvmOptions = List.copyOf(jvmOptions);
    this.services = services;
  }

  /** The java executable running this JVM, so helpers need no other JDK. */
  public static String currentJava() {
    return ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  public String java() {
    return java;
  }

  public List<String> jvmOptions() {
    return jvmOptions;
  }

  public ServiceLocation services() {
    return services;
  }

  public List<String> service(String module, List<String> args) throws ServiceLocation.MissingServiceException {
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(jvmOptions);
    command.addAll(services.entry(module));
    command.addAll(args);
    return command;
  }

  public List<String> benchSubcommand(String subcommand, List<String> args) {
    List<String> command = new ArrayList<>(List.of(currentJava(), "-cp", System.getProperty("java.class.path"),
        "dev.showdown.bench.Main", subcommand));
    command.addAll(args);
    return command;
  }
}
