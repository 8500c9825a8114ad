package dev.showdown.bench.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the command lines of child JVMs: services run on {@code --java} under a {@link JvmProfile} (the
 * {@code default} one is {@code --jvm-opts}); the bench's own helper subcommands (stubs, seeders) run on the
 * bench's JVM and class path. It holds the run's choice of profiles: {@link #profiles()} from {@code --profile},
 * {@link #sweep()} from {@code --sweep-heap}.
 */
public final class JvmLauncher {
  private final String java;
  private final JvmProfile defaultProfile;
  private final List<JvmProfile> profiles;
  private final List<JvmProfile> sweep;
  private final ServiceLocation services;

  /** Services on {@code jvmOptions} only: the default profile and no other. */
  public JvmLauncher(String java, List<String> jvmOptions, ServiceLocation services) {
    this(java, jvmOptions, List.of(), List.of(), services);
  }

  /**
   * {@code profiles} as {@code --profile} chose them (empty: the default one alone) and the {@code sweep}'s, each
   * measured as a Java service of its own; {@code jvmOptions} are the default profile's flags.
   */
  public JvmLauncher(String java, List<String> jvmOptions, List<JvmProfile> profiles, List<JvmProfile> sweep,
                     ServiceLocation services) {
    this.java = java;
    this.defaultProfile = new JvmProfile(JvmProfile.DEFAULT, "--jvm-opts", jvmOptions);
    this.profiles = profiles.isEmpty() ? List.of(defaultProfile) : List.copyOf(profiles);
    this.sweep = List.copyOf(sweep);
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

  /** {@code --jvm-opts}: what a service started once, whatever {@code --profile} says, runs on. */
  public JvmProfile defaultProfile() {
    return defaultProfile;
  }

  /** The profiles every Java service of a scenario is measured under, in {@code --profile}'s order. */
  public List<JvmProfile> profiles() {
    return profiles;
  }

  /** The {@code --sweep-heap} profiles, measured on the scenarios that sweep the heap. */
  public List<JvmProfile> sweep() {
    return sweep;
  }

  public ServiceLocation services() {
    return services;
  }

  /** {@code java <default flags> <module entry> <args>}. */
  public List<String> service(String module, List<String> args) throws ServiceLocation.MissingServiceException {
    return service(module, defaultProfile, args);
  }

  /** {@code java <profile's flags> <module entry> <args>}. */
  public List<String> service(String module, JvmProfile profile, List<String> args) throws ServiceLocation.MissingServiceException {
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(profile.flags());
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
