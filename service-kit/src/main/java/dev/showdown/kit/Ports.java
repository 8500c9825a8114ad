package dev.showdown.kit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Port choices shared by every listener a service opens. */
public final class Ports {
  private Ports() {
  }

  /**
   * The port to bind on every event loop: {@code port} itself, or for port 0 one free port chosen up front.
   * Left to Vert.x, port 0 would give each event loop's server a different free port instead of one shared.
   */
  public static int concrete(String host, int port) throws IOException {
    if (port != 0) {
      return port;
    }
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(host))) {
      return probe.getLocalPort();
    }
  }
}
