package dev.showdown.grpc;

import dev.showdown.kit.RedisUrls;
import dev.showdown.kit.ServiceServer;
import dev.showdown.proto.userservice.v1.UserServiceGrpc;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.netty.channel.EventLoopGroup;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Owns a running grpc-service: the gRPC server on its own Netty event loops with the connection limits
 * ({@link UserServices} on a {@code NettyServerBuilder}), the user store, and the Vert.x side (Redis client, HTTP
 * {@code /health} and {@code /metrics}).
 */
public final class UserGrpcServer {
  private final Server grpc;
  private final EventLoopGroup eventLoops;
  private final HealthStatusManager health;
  private final UserStore store;
  private final ServiceServer http;
  private final Vertx vertx;
  private final GrpcTransport transport;

  private UserGrpcServer(Server grpc, EventLoopGroup eventLoops, HealthStatusManager health, UserStore store,
      ServiceServer http, Vertx vertx, GrpcTransport transport) {
    this.grpc = grpc;
    this.eventLoops = eventLoops;
    this.health = health;
    this.store = store;
    this.http = http;
    this.vertx = vertx;
    this.transport = transport;
  }

  /** Starts everything, or closes what it started and throws if any part cannot start (port taken, say). */
  public static UserGrpcServer start(GrpcOptions options) throws IOException {
    if (options.redis() != null) {
      RedisUrls.check(options.redis());
    }
    GrpcTransport transport = GrpcTransport.choose(options.transport());
    RejectedRequests rejected = new RejectedRequests();
    ServiceServer http = options.httpEnabled()
        ? ServiceServer.start(new StatusEndpoints(rejected), options.httpOptions(vertxEventLoops(options))).await()
        : null;
    Vertx vertx = http != null ? http.vertx() : Vertx.builder()
        .with(new VertxOptions()
            .setEventLoopPoolSize(vertxEventLoops(options))
            .setPreferNativeTransport(true))
        .build();
    UserStore store = options.redis() == null
        ? new InMemoryUserStore(GeneratedUsers.STANDARD_COUNT)
        : new RedisUserStore(vertx, options.redis(), options.redisPool(), options.redisTimeout());
    EventLoopGroup eventLoops = transport.newEventLoops(options.eventLoops());
    TransportLogFilter.register(eventLoops, rejected);
    HealthStatusManager health = new HealthStatusManager();
    NettyServerBuilder builder = UserServices.addTo(
        NettyServerBuilder.forAddress(new InetSocketAddress(options.host(), options.port()))
            .channelFactory(transport.serverChannels())
            .bossEventLoopGroup(eventLoops)
            .workerEventLoopGroup(eventLoops)
            .flowControlWindow(options.flowControlWindow()),
        store, health, rejected);
    ConnectionLimits.applyTo(builder, options);
    if (options.executor() == GrpcOptions.Executor.direct) {
      builder.directExecutor();
    }
    UserGrpcServer server = new UserGrpcServer(builder.build(), eventLoops, health, store, http, vertx, transport);
    try {
      server.grpc.start();
    } catch (IOException | RuntimeException e) {
      server.stop(Duration.ZERO);
      throw e;
    }
    health.setStatus(UserServiceGrpc.SERVICE_NAME, ServingStatus.SERVING);
    return server;
  }

  /** The Vert.x loops carry /health, /metrics and Redis traffic; the in-memory store needs one at most. */
  private static int vertxEventLoops(GrpcOptions options) {
    return options.redis() == null ? 1 : options.eventLoops();
  }

  public int port() {
    return grpc.getPort();
  }

  /** The HTTP port of {@code /health} and {@code /metrics}, or -1 when it is off. */
  public int httpPort() {
    return http == null ? -1 : http.port();
  }

  public String transport() {
    return transport.name();
  }

  public String store() {
    return store.describe();
  }

  /**
   * Graceful stop: health turns NOT_SERVING, no new calls are accepted, in-flight calls get up to {@code grace},
   * then the store, the HTTP side and the event loops close.
   */
  public void stop(Duration grace) {
    health.enterTerminalState();
    grpc.shutdown();
    try {
      if (!grpc.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        grpc.shutdownNow();
      }
    } catch (InterruptedException e) {
      grpc.shutdownNow();
      Thread.currentThread().interrupt();
    }
    store.close().await();
    if (http != null) {
      http.stop(grace).await();
    } else {
      vertx.close().await();
    }
    eventLoops.shutdownGracefully(0, grace.toMillis(), TimeUnit.MILLISECONDS).syncUninterruptibly();
    TransportLogFilter.deregister(eventLoops);
  }
}
