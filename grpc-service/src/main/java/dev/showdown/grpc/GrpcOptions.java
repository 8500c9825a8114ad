package dev.showdown.grpc;

import dev.showdown.kit.DurationConverter;
import picocli.CommandLine.Option;

import java.time.Duration;

/** The grpc-service's flags, each with an environment-variable fallback (the kit's convention). */
public final class GrpcOptions {
  public static final int DEFAULT_PORT = 9090;

  /** How calls are dispatched: on the transport thread, or handed to grpc-java's default thread pool. */
  public enum Executor { direct, pool }

  @Option(names = "--host", defaultValue = "${env:HOST:-0.0.0.0}", description = "Address to bind (env HOST). Default: ${DEFAULT-VALUE}")
  String host;

  @Option(names = "--port", defaultValue = "${env:PORT:-9090}", description = "gRPC port (env PORT); 0 picks a free one. Default: ${DEFAULT-VALUE}")
  int port;

  @Option(names = "--http-port", defaultValue = "${env:HTTP_PORT:-9091}",
      description = "HTTP port for /health and /metrics (env HTTP_PORT); 0 picks a free one, -1 turns it off. Default: ${DEFAULT-VALUE}")
  int httpPort;

  @Option(names = "--event-loops", defaultValue = "${env:EVENT_LOOPS:-0}", description = "gRPC transport threads (env EVENT_LOOPS); 0 means one per core")
  int eventLoops;

  @Option(names = "--metrics", defaultValue = "${env:METRICS:-true}", arity = "1", description = "Serve Prometheus metrics on /metrics (env METRICS). Default: ${DEFAULT-VALUE}")
  boolean metrics;

  @Option(names = "--shutdown-grace", defaultValue = "${env:SHUTDOWN_GRACE:-10s}", converter = DurationConverter.class,
      description = "How long in-flight calls may take to finish on SIGTERM (env SHUTDOWN_GRACE). Default: ${DEFAULT-VALUE}")
  Duration shutdownGrace;

  @Option(names = "--redis", defaultValue = "${env:REDIS_URL}",
      description = "Read users from Redis user:{id} at this URL, e.g. redis://127.0.0.1:6379 (env REDIS_URL). Default: 10,000 generated users in memory")
  String redis;

  @Option(names = "--redis-timeout", defaultValue = "${env:REDIS_TIMEOUT:-1s}", converter = DurationConverter.class,
      description = "A Redis lookup slower than this answers UNAVAILABLE (env REDIS_TIMEOUT). Default: ${DEFAULT-VALUE}")
  Duration redisTimeout;

  @Option(names = "--redis-pool", defaultValue = "${env:REDIS_POOL:-8}", description = "Redis connections (env REDIS_POOL). Default: ${DEFAULT-VALUE}")
  int redisPool;

  @Option(names = "--executor", defaultValue = "${env:GRPC_EXECUTOR:-direct}",
      description = "Where calls run: direct (on the transport thread; both stores never block) or pool (grpc-java's cached pool). Default: ${DEFAULT-VALUE}")
  Executor executor;

  @Option(names = "--flow-control-window", defaultValue = "${env:FLOW_CONTROL_WINDOW:-1048576}",
      description = "HTTP/2 flow-control window in bytes per stream and connection (env FLOW_CONTROL_WINDOW). Default: ${DEFAULT-VALUE} (grpc-java's)")
  int flowControlWindow;

  @Option(names = "--native-transport", defaultValue = "${env:NATIVE_TRANSPORT:-true}", arity = "1",
      description = "Use epoll when the platform has it (env NATIVE_TRANSPORT). Default: ${DEFAULT-VALUE}")
  boolean nativeTransport;

  public GrpcOptions() {
  }

  /** Options for a server built in code (tests, the bench): loopback, free ports, in-memory store. */
  public static GrpcOptions loopback() {
    GrpcOptions options = new GrpcOptions();
    options.host = "127.0.0.1";
    options.port = 0;
    options.httpPort = 0;
    options.eventLoops = 2;
    options.metrics = true;
    options.shutdownGrace = Duration.ofSeconds(2);
    options.redisTimeout = Duration.ofSeconds(1);
    options.redisPool = 4;
    options.executor = Executor.direct;
    options.flowControlWindow = 1 << 20;
    options.nativeTransport = true;
    return options;
  }

  public GrpcOptions withRedis(String url, Duration timeout) {
    redis = url;
    redisTimeout = timeout;
    return this;
  }

  public GrpcOptions withHttpPort(int port) {
    httpPort = port;
    return this;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public boolean httpEnabled() {
    return httpPort >= 0;
  }

  public int httpPort() {
    return httpPort;
  }

  public int eventLoops() {
    return eventLoops > 0 ? eventLoops : Runtime.getRuntime().availableProcessors();
  }

  public boolean metrics() {
    return metrics;
  }

  public Duration shutdownGrace() {
    return shutdownGrace;
  }

  /** The Redis URL, or {@code null} for the in-memory store. */
  public String redis() {
    return redis;
  }

  public Duration redisTimeout() {
    return redisTimeout;
  }

  public int redisPool() {
    return redisPool;
  }

  public Executor executor() {
    return executor;
  }

  public int flowControlWindow() {
    return flowControlWindow;
  }

  public boolean nativeTransport() {
    return nativeTransport;
  }
}
