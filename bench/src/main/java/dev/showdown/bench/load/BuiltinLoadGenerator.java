package dev.showdown.bench.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import dev.showdown.bench.latency.LatencyLog;
import dev.showdown.bench.process.ResourceSampler;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The load generator used when wrk is not installed: N keep-alive HTTP/1.1 connections on Netty (epoll where
 * available), one event loop per core, pre-encoded requests, latencies in an HdrHistogram per connection; responses are only framed ({@link ResponseParser}), not decoded.
 */
public final class BuiltinLoadGenerator implements LoadDriver {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final int threads;

  public BuiltinLoadGenerator() {
    this(Runtime.getRuntime().availableProcessors());
  }

  public BuiltinLoadGenerator(int threads) {
    this.threads = threads;
  }

  @Override
  public String name() {
    return LoadDrivers.BUILTIN;
  }

  @Override
  public LoadResult run(URI base, HttpLoad load, LoadListener listener) throws Exception {
    if (!"http".equals(base.getScheme())) {
      throw new IllegalArgumentException("the built-in generator speaks plain http only, not " + base);
    }
    int port = base.getPort() < 0 ? 80 : base.getPort();
    String basePath = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/$", "");
    HttpLoad prefixed = new HttpLoad(basePath + load.path(), load.connections(), load.duration(), load.warmup(),
        load.rate(), load.maxId(), load.timeout());
    RequestSource source = new RequestSource(base.getHost() + ":" + port, prefixed);
    boolean epoll = Epoll.isAvailable();
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(Math.min(threads, load.connections()),
        epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    LoadWindow window = new LoadWindow();
    List<LoadConnection> connections = new ArrayList<>();
    double loaderCpu;
    try {
      Bootstrap bootstrap = new Bootstrap().group(group)
          .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
          .option(ChannelOption.TCP_NODELAY, true)
          .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) CONNECT_TIMEOUT.toMillis())
          .remoteAddress(base.getHost(), port);
      List<ChannelFuture> connecting = new ArrayList<>();
      for (int i = 0; i < load.connections(); i++) {
        LoadConnection connection = new LoadConnection(bootstrap, window, source, load, i);
        connections.add(connection);
        connecting.add(connection.connect());
      }
      requireOneConnection(base, connecting);

      listener.warmupStarted(load.warmup(), window.answered::sum);
      Thread.sleep(load.warmup().toMillis());
      window.beginMeasuring();
      listener.measureStarted(load.duration(), window.answered::sum);
      try (ResourceSampler self = ResourceSampler.start(ProcessHandle.current().pid())) {
        Thread.sleep(load.duration().toMillis());
        window.endMeasuring();
        loaderCpu = self.stop().cpuSeconds();
      }
      listener.measureEnded();
    } finally {
      window.finish();
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
    }
    Histogram latency = merged(connections);
    listener.latencies(LatencyLog.of(latency));
    return result(window, connections, latency, loaderCpu);
  }

  private static Histogram merged(List<LoadConnection> connections) {
    Histogram latency = new Histogram(3);
    connections.forEach(c -> latency.add(c.latencyMicros));
    return latency;
  }

  private static void requireOneConnection(URI base, List<ChannelFuture> connecting) throws Exception {
    Throwable failure = null;
    for (ChannelFuture future : connecting) {
      future.await(CONNECT_TIMEOUT.toMillis() + 1000);
      if (future.isSuccess()) {
        return;
      }
      failure = future.cause();
    }
    throw new IOException("cannot connect to " + base + ": " + (failure == null ? "timed out" : failure.getMessage()), failure);
  }

  private LoadResult result(LoadWindow window, List<LoadConnection> connections, Histogram latency, double loaderCpu) {
    long requests = 0;
    long non2xx = 0;
    long connectErrors = 0;
    long readErrors = 0;
    long timeouts = 0;
    for (LoadConnection c : connections) {
      requests += c.requests;
      non2xx += c.non2xx;
      connectErrors += c.connectErrors;
      readErrors += c.readErrors;
      timeouts += c.timeouts;
    }
    return new LoadResult(name(), requests, window.measuredSeconds(), connectErrors, readErrors, 0, timeouts, non2xx,
        latency.getMean(), latency.getValueAtPercentile(50), latency.getValueAtPercentile(75),
        latency.getValueAtPercentile(90), latency.getValueAtPercentile(99), latency.getMaxValue(), loaderCpu);
  }
}
