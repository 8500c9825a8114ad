package dev.showdown.bench;

import dev.showdown.bench.compare.CompareCommand;
import dev.showdown.bench.grpc.GrpcLoadCommand;
import dev.showdown.bench.peer.PeersCommand;
import dev.showdown.bench.push.PushClientCommand;
import dev.showdown.bench.redis.SeedRedisCommand;
import dev.showdown.bench.result.Credentials;
import dev.showdown.bench.run.ListCommand;
import dev.showdown.bench.run.LoadCommand;
import dev.showdown.bench.run.ReportCommand;
import dev.showdown.bench.run.RunCommand;
import dev.showdown.bench.upstream.UpstreamCommand;
import dev.showdown.bench.verify.VerifyCommand;
import dev.showdown.kit.ServiceMain;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The bench's command line: one subcommand per job, listed in {@code subcommands} below. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Starts the Showdown services, drives the standard load, samples memory and CPU, writes reports.",
    subcommands = {
        UpstreamCommand.class,
        SeedRedisCommand.class,
        RunCommand.class,
        ListCommand.class,
        ReportCommand.class,
        CompareCommand.class,
        LoadCommand.class,
        GrpcLoadCommand.class,
        PushClientCommand.class,
        VerifyCommand.class,
        PeersCommand.class,
    })
public final class Main implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main())
        .setParameterExceptionHandler(Main::misused)
        .setExecutionExceptionHandler(Main::failed)
        .execute(args));
  }

  /** A usage error is one line on stderr and exit status 2; {@code --help} has the rest. */
  private static int misused(CommandLine.ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    String name = command.getParent() == null ? "bench" : "bench " + command.getCommandName();
    command.getErr().println(Credentials.mask(name + ": " + e.getMessage() + " (see " + name + " --help)"));
    return 2;
  }

  /**
   * A failed command says why in one line (the cause chain's most telling message, URL credentials hidden), not
   * with a stack trace.
   */
  private static int failed(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
    command.getErr().println(Credentials.mask("bench " + command.getCommandName() + ": " + ServiceMain.reason(e)));
    return 1;
  }
}
