package dev.showdown.kit;

import io.vertx.core.transport.Transport;

import java.util.Locale;

/** The network transport under the event loops, as the {@code --transport} flag names it. */
public enum NetTransport {
  /** Epoll on Linux, kqueue on macOS; NIO where neither loads. */
  NATIVE,
  /** One submission ring per loop: many writes enter the kernel in one system call. */
  IO_URING,
  NIO;

  /** Accepts {@code io_uring}, {@code IO_URING}, {@code io-uring}, and so on. */
  public static NetTransport parse(String name) {
    String normal = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (NetTransport transport : values()) {
      if (transport.name().equals(normal)) {
        return transport;
      }
    }
    throw new IllegalArgumentException("unknown transport '" + name + "' (expected native, io_uring or nio)");
  }

  /**
   * The Vert.x transport to build with (its {@code implementation()} also serves bare Netty servers, e.g. gRPC);
   * io_uring fails here, with the kernel's or loader's reason, if unavailable.
   */
  public Transport vertxTransport() {
    return switch (this) {
      case NATIVE -> {
        Transport nativeTransport = Transport.nativeTransport();
        yield nativeTransport != null && nativeTransport.available() ? nativeTransport : Transport.NIO;
      }
      case IO_URING -> {
        if (!Transport.IO_URING.available()) {
          throw new IllegalStateException("io_uring transport unavailable: " + Transport.IO_URING.unavailabilityCause());
        }
        yield Transport.IO_URING;
      }
      case NIO -> Transport.NIO;
    };
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
