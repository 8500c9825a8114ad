package dev.showdown.grpc;

import dev.showdown.kit.ServiceMain;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

import java.io.PrintWriter;

/**
 * A flag picocli cannot parse, or one {@link GrpcOptions#validate} refuses: one line on stderr and exit 2,
 * without picocli's usage page (which would bury the reason). Every service needs this; it belongs in the
 * service kit.
 */
final class UsageErrors implements IParameterExceptionHandler {
  private final String name;

  UsageErrors(String name) {
    this.name = name;
  }

  @Override
  public int handleParseException(ParameterException problem, String[] args) {
    PrintWriter err = problem.getCommandLine().getErr();
    err.println(name + ": " + problem.getMessage() + " (see --help)");
    err.flush();
    return ServiceMain.EXIT_CANNOT_START;
  }

  /** Turns a refusal from a validation step into the same one-line usage error. */
  static ParameterException refused(CommandLine command, IllegalArgumentException reason) {
    return new ParameterException(command, reason.getMessage());
  }
}
