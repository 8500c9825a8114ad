package dev.showdown.kit;

/**
 * A flag whose value parses but is not allowed ({@code --workers 0}, {@code --max-n 93}). Thrown from a command run
 * by {@link ServiceMain#execute}, it becomes {@code <command>: <reason>} on stderr and exit status 2, like a value
 * picocli itself cannot convert.
 */
public final class InvalidFlagException extends RuntimeException {

  public InvalidFlagException(String reason) {
    super(reason, null, false, false);
  }

  /** Throws with {@code reason} unless {@code valid}, e.g. {@code require(workers >= 1, "--workers must be at least 1")}. */
  public static void require(boolean valid, String reason) {
    if (!valid) {
      throw new InvalidFlagException(reason);
    }
  }
}
