package dev.showdown.kit;

import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.time.Duration;

/**
 * The flags every service shares, each with an environment-variable fallback so that a container can be
 * configured without a command line. Mixed into each service's picocli command.
 */
public final class ServiceOptions {

  @Option(names = "--host", defaultValue = "${env:HOST:-0.0.0.0}", description = "Address to bind (env HOST). Default: ${DEFAULT-VALUE}")
  String host;

  @Option(names = "--port", defaultValue = "${env:PORT}", converter = PortConverter.class,
      description = "Port to listen on, 0..65535 (env PORT); 0 picks a free one. Default: the service's own")
  Integer port;

  @Option(names = "--event-loops", defaultValue = "${env:EVENT_LOOPS:-0}", converter = EventLoopsConverter.class,
      description = "Event-loop threads, 0.." + ThreadCount.MAX + " (env EVENT_LOOPS); 0 means one per core")
  int eventLoops;

  @Option(names = "--transport", defaultValue = "${env:TRANSPORT:-native}", converter = TransportConverter.class,
      description = "Network transport (env TRANSPORT): native (epoll on Linux, kqueue on macOS, else NIO), "
          + "io_uring (Linux 5.10+; the start fails if it is unavailable) or nio. Default: ${DEFAULT-VALUE}")
  NetTransport transport;

  @Option(names = "--metrics", defaultValue = "${env:METRICS:-true}", arity = "1", description = "Record Prometheus metrics for /metrics (env METRICS). Default: ${DEFAULT-VALUE}")
  boolean metrics;

  @Option(names = "--shutdown-grace", defaultValue = "${env:SHUTDOWN_GRACE:-10s}", converter = DurationConverter.class,
      description = "How long in-flight requests may take to finish on SIGTERM (env SHUTDOWN_GRACE). Default: ${DEFAULT-VALUE}")
  Duration shutdownGrace;

  @Option(names = "--idle-timeout", defaultValue = "${env:IDLE_TIMEOUT:-60s}", converter = DurationConverter.class,
      description = "Close an HTTP connection on which nothing was read or written for this long (env IDLE_TIMEOUT); "
          + "0s turns it off. Default: ${DEFAULT-VALUE}")
  Duration idleTimeout;

  @Option(names = "--request-timeout", defaultValue = "${env:REQUEST_TIMEOUT:-30s}", converter = DurationConverter.class,
      description = "A request whose headers and body have not all arrived this long after its first byte is answered "
          + "408 and its connection closed (env REQUEST_TIMEOUT); 0s turns it off. Default: ${DEFAULT-VALUE}")
  Duration requestTimeout;

  public ServiceOptions() {
  }

  /** Options for a service built in code (tests, the bench): loopback, a free port, metrics on. */
  public static ServiceOptions loopback(int eventLoops) {
    ServiceOptions options = new ServiceOptions();
    options.host = "127.0.0.1";
    options.port = 0;
    options.eventLoops = eventLoops;
    options.metrics = true;
    options.transport = NetTransport.NATIVE;
    options.shutdownGrace = Duration.ofSeconds(5);
    options.idleTimeout = Duration.ofSeconds(60);
    options.requestTimeout = Duration.ofSeconds(30);
    return options;
  }

  /** A copy for a second listener of the same service (say, an HTTP status port beside a gRPC one). */
  public ServiceOptions withPortAndEventLoops(int otherPort, int otherEventLoops) {
    ServiceOptions copy = new ServiceOptions();
    copy.host = host;
    copy.port = otherPort;
    copy.eventLoops = otherEventLoops;
    copy.metrics = metrics;
    copy.transport = transport;
    copy.shutdownGrace = shutdownGrace;
    copy.idleTimeout = idleTimeout;
    copy.requestTimeout = requestTimeout;
    return copy;
  }

  public String host() {
    return host;
  }

  public int port(int serviceDefault) {
    return port == null ? serviceDefault : port;
  }

  public int eventLoops() {
    return ThreadCount.orCores(eventLoops);
  }

  public NetTransport transport() {
    return transport;
  }

  public ServiceOptions withTransport(NetTransport chosen) {
    transport = chosen;
    return this;
  }

  public boolean metrics() {
    return metrics;
  }

  public Duration shutdownGrace() {
    return shutdownGrace;
  }

  public ServiceOptions withMetrics(boolean enabled) {
    metrics = enabled;
    return this;
  }

  /** Zero when connections may stay idle for ever. */
  public Duration idleTimeout() {
    return idleTimeout;
  }

  public ServiceOptions withIdleTimeout(Duration timeout) {
    idleTimeout = timeout;
    return this;
  }

  /** Zero when a request may take for ever to arrive. */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  public ServiceOptions withRequestTimeout(Duration timeout) {
    requestTimeout = timeout;
    return this;
  }

  static final class TransportConverter implements CommandLine.ITypeConverter<NetTransport> {
    @Override
    public NetTransport convert(String value) {
      try {
        return NetTransport.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  /** For a service's own port flags, so that they are read and refused as {@code --port} is. */
  public static final class PortConverter implements CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return IntRange.parse(value, 0, 65_535, "a port");
    }
  }

  static final class EventLoopsConverter implements CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return ThreadCount.parse(value, "an event-loop count");
    }
  }
}
