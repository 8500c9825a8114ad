package dev.showdown.grpc;

import dev.showdown.kit.DurationConverter;
import dev.showdown.kit.IntRange;
import dev.showdown.kit.InvalidFlagException;
import dev.showdown.kit.NetTransport;
import dev.showdown.kit.RedisUrls;
import dev.showdown.kit.ServiceOptions;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;

/** The grpc-service's flags, each with an environment-variable fallback (the kit's convention). */
public final class GrpcOptions {
  public static final int DEFAULT_PORT = 9090;

  /** How calls are dispatched: on the transport thread, or handed to grpc-java's default thread pool. */
  public enum Executor { direct, pool }

  /** {@code --host}, {@code --port} (the gRPC port here), {@code --event-loops}, {@code --metrics}, {@code --shutdown-grace}. */
  @Mixin
  ServiceOptions common;

  @Option(names = "--http-port", defaultValue = "${env:HTTP_PORT:-9091}", converter = HttpPortConverter.class,
      description = "HTTP port for /health and /metrics, -1..65535 (env HTTP_PORT); 0 picks a free one, -1 turns it off. Default: ${DEFAULT-VALUE}")
  int httpPort;

  @Option(names = "--redis", defaultValue = "${env:REDIS_URL}", converter = RedisUrls.Converter.class,
      description = "Read users from Redis user:{id} at this URL, e.g. redis://127.0.0.1:6379 (env REDIS_URL); printed with "
          + "the password masked. Default: 10,000 generated users in memory")
  String redis;

  @Option(names = "--redis-timeout", defaultValue = "${env:REDIS_TIMEOUT:-1s}", converter = DurationConverter.class,
      description = "A Redis lookup slower than this answers UNAVAILABLE (env REDIS_TIMEOUT). Default: ${DEFAULT-VALUE}")
  Duration redisTimeout;

  @Option(names = "--redis-pool", defaultValue = "${env:REDIS_POOL:-8}", converter = RedisPoolConverter.class,
      description = "Redis connections, 1.." + RedisPoolConverter.MAX + " (env REDIS_POOL). Default: ${DEFAULT-VALUE}")
  int redisPool;

  @Option(names = "--executor", defaultValue = "${env:GRPC_EXECUTOR:-direct}",
      description = "Where calls run: direct (on the transport thread; both stores never block) or pool (grpc-java's cached pool). Default: ${DEFAULT-VALUE}")
  Executor executor;

  @Option(names = "--flow-control-window", defaultValue = "${env:FLOW_CONTROL_WINDOW:-1048576}",
      description = "HTTP/2 flow-control window in bytes per stream and connection (env FLOW_CONTROL_WINDOW). Default: ${DEFAULT-VALUE} (grpc-java's)")
  int flowControlWindow;

  @Option(names = "--max-calls-per-connection", defaultValue = "${env:MAX_CALLS_PER_CONNECTION:-128}",
      description = "Calls one connection may have open at once (HTTP/2 MAX_CONCURRENT_STREAMS; env MAX_CALLS_PER_CONNECTION). Default: ${DEFAULT-VALUE}")
  int maxCallsPerConnection;

  @Option(names = "--max-rst-frames", defaultValue = "${env:MAX_RST_FRAMES:-1000}",
      description = "RST_STREAM frames one connection may send per 10 s before it is closed with GOAWAY "
          + "(a cancelled call sends one; env MAX_RST_FRAMES). Default: ${DEFAULT-VALUE}")
  int maxRstFrames;

  @Option(names = "--max-connection-idle", defaultValue = "${env:MAX_CONNECTION_IDLE:-5m}", converter = DurationConverter.class,
      description = "A connection without calls for this long is closed with GOAWAY (env MAX_CONNECTION_IDLE). Default: ${DEFAULT-VALUE}")
  Duration maxConnectionIdle;

  @Option(names = "--max-connection-age", defaultValue = "${env:MAX_CONNECTION_AGE:-30m}", converter = DurationConverter.class,
      description = "A connection older than this is sent GOAWAY; its calls get 30 s more (env MAX_CONNECTION_AGE). Default: ${DEFAULT-VALUE}")
  Duration maxConnectionAge;

  @Option(names = "--max-message-size", defaultValue = "${env:MAX_MESSAGE_SIZE:-16384}",
      description = "Largest request message in bytes; a larger one is answered RESOURCE_EXHAUSTED (env MAX_MESSAGE_SIZE). Default: ${DEFAULT-VALUE}")
  int maxMessageSize;

  public GrpcOptions() {
  }

  /** Options for a server built in code (tests, the bench): loopback, free ports, in-memory store. */
  public static GrpcOptions loopback() {
    GrpcOptions options = new GrpcOptions();
    options.common = ServiceOptions.loopback(2);
    options.httpPort = 0;
    options.redisTimeout = Duration.ofSeconds(1);
    options.redisPool = 4;
    options.executor = Executor.direct;
    options.flowControlWindow = 1 << 20;
    options.maxCallsPerConnection = 128;
    options.maxRstFrames = 1000;
    options.maxConnectionIdle = Duration.ofMinutes(5);
    options.maxConnectionAge = Duration.ofMinutes(30);
    options.maxMessageSize = 16384;
    return options;
  }

  /**
   * Refuses, with {@link InvalidFlagException}, the values that parse but that the service cannot run with; the
   * ports and the pool size are refused by their converters already.
   */
  public void validate() {
    InvalidFlagException.require(flowControlWindow >= 1, "--flow-control-window must be at least 1");
    InvalidFlagException.require(maxCallsPerConnection >= 1, "--max-calls-per-connection must be at least 1");
    InvalidFlagException.require(maxRstFrames >= 1, "--max-rst-frames must be at least 1");
    InvalidFlagException.require(maxMessageSize >= 1, "--max-message-size must be at least 1");
    InvalidFlagException.require(!redisTimeout.isZero(), "--redis-timeout must be at least 1ms");
    InvalidFlagException.require(!maxConnectionIdle.isZero(), "--max-connection-idle must be at least 1ms");
    InvalidFlagException.require(!maxConnectionAge.isZero(), "--max-connection-age must be at least 1ms");
  }

  /** A port as {@code --port} reads it, or -1 for none. */
  static final class HttpPortConverter implements CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return IntRange.parse(value, -1, 65_535, "a port or -1");
    }
  }

  static final class RedisPoolConverter implements CommandLine.ITypeConverter<Integer> {
    /** So that a slip of the finger cannot open thousands of connections to one Redis. */
    static final int MAX = 1024;

    @Override
    public Integer convert(String value) {
      return IntRange.parse(value, 1, MAX, "a Redis pool size");
    }
  }

  public GrpcOptions withTransport(NetTransport transport) {
    common.withTransport(transport);
    return this;
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
    return common.host();
  }

  public int port() {
    return common.port(DEFAULT_PORT);
  }

  public boolean httpEnabled() {
    return httpPort >= 0;
  }

  public int httpPort() {
    return httpPort;
  }

  public int eventLoops() {
    return common.eventLoops();
  }

  public boolean metrics() {
    return common.metrics();
  }

  public Duration shutdownGrace() {
    return common.shutdownGrace();
  }

  /** The kit's options for the HTTP side ({@code /health}, {@code /metrics}) on {@code --http-port}. */
  ServiceOptions httpOptions(int httpEventLoops) {
    return common.withPortAndEventLoops(httpPort, httpEventLoops);
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

  public int maxCallsPerConnection() {
    return maxCallsPerConnection;
  }

  public int maxRstFrames() {
    return maxRstFrames;
  }

  public Duration maxConnectionIdle() {
    return maxConnectionIdle;
  }

  public Duration maxConnectionAge() {
    return maxConnectionAge;
  }

  public int maxMessageSize() {
    return maxMessageSize;
  }

  public NetTransport transport() {
    return common.transport();
  }
}
