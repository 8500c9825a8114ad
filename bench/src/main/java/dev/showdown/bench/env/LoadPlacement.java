package dev.showdown.bench.env;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether the load generator shares a machine with a target: true when every address the target's host names is
 * a loopback address or one of this machine's own. A target that cannot be resolved counts as elsewhere.
 */
public final class LoadPlacement {
  private LoadPlacement() {
  }

  /** The decision itself, on addresses already resolved. */
  public static boolean sameMachine(Collection<InetAddress> target, Set<InetAddress> thisMachine) {
    return !target.isEmpty() && target.stream().allMatch(a -> a.isLoopbackAddress() || a.isAnyLocalAddress()
        || thisMachine.contains(a));
  }

  /** For a target URL such as {@code http://127.0.0.1:9000} or {@code grpc://host:9090}. */
  public static boolean sameMachine(String url) {
    String host = URI.create(url).getHost();
    if (host == null) {
      return false;
    }
    try {
      return sameMachine(List.of(InetAddress.getAllByName(host)), thisMachine());
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** Every address of every network interface of this machine. */
  static Set<InetAddress> thisMachine() {
    Set<InetAddress> addresses = new HashSet<>();
    try {
      NetworkInterface.networkInterfaces().forEach(i -> i.inetAddresses().forEach(addresses::add));
    } catch (SocketException e) {
      // No interfaces to list: only loopback targets count as this machine.
    }
    return addresses;
  }
}
