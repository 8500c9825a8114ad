package dev.showdown.kit;

/** Port choices shared by every listener a service opens. */
public final class Ports {
  /**
   * Vert.x's documented convention for one random port shared by every server of an instance that binds this same
   * negative value: the first bind picks the port, the others join its listening socket.
   */
  private static final int SHARED_RANDOM = -1;

  private Ports() {
  }

  /**
   * The port every event loop's server binds for {@code port}: the port itself, or for 0 one random port that the
   * servers share. Port 0 itself would give each server a different port, and a free port chosen up front and
   * bound later could be taken by another process in between.
   */
  public static int shared(int port) {
    return port == 0 ? SHARED_RANDOM : port;
  }
}
