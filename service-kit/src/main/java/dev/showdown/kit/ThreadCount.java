package dev.showdown.kit;

/**
 * Thread-count flags, the kit's {@code --event-loops} and a service's own {@code --workers}: each takes
 * 0..{@value #MAX}, where 0, the default, means one thread per core.
 */
public final class ThreadCount {
  /** Far past any core count this project runs on, and short of a thread count that would exhaust the machine. */
  public static final int MAX = 1024;

  private ThreadCount() {
  }

  /** The flag's value read as a count of {@code what}s ("an event-loop count"), refused outside 0..{@value #MAX}. */
  public static int parse(String text, String what) {
    return IntRange.parse(text, 0, MAX, what);
  }

  /** The threads to start for a flag's value: itself, or one per core for 0. */
  public static int orCores(int count) {
    return count > 0 ? count : Runtime.getRuntime().availableProcessors();
  }
}
