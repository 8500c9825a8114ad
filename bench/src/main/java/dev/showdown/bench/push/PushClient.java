package dev.showdown.bench.push;

import dev.showdown.bench.latency.LatencyLog;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Opens many long connections to a push service, holds them, and counts what arrives: every connection must
 * get every tick that started while all were up, and each delivery's latency is measured from the tick's ts.
 */
public final class PushClient {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

  private final PushTarget target;
  private final PushLoad load;
  private final Consumer<String> progress;
  private LatencyLog latencies;

  public PushClient(PushTarget target, PushLoad load, Consumer<String> progress) {
    this.target = target;
    this.load = load;
    this.progress = progress;
  }

  /** As {@link #run(Runnable, Runnable, Runnable)} with nothing to do after the first counted tick. */
  public PushResult run(Runnable onAllUp, Runnable onHoldEnd) throws Exception {
    return run(onAllUp, () -> { }, onHoldEnd);
  }

  /**
   * Connects, calls {@code onAllUp} (e.g. to start sampling the service), holds, waits for the last counted
   * tick, calls {@code onHoldEnd} while the connections are still open (e.g. to weigh the live heap), and reports.
   * {@code afterFirstTick} runs once, half an interval after the first counted tick started (its fan-out long
   * done, the next not begun), on a thread of its own, if the hold lasts that long: the first tick is the one
   * that finds the service's code cold, so what it costs can be told apart from every later tick.
   */
  public PushResult run(Runnable onAllUp, Runnable afterFirstTick, Runnable onHoldEnd) throws Exception {
    boolean epoll = Epoll.isAvailable();
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(load.threads(),
        epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    Class<? extends Channel> channelType = epoll ? EpollSocketChannel.class : NioSocketChannel.class;
    PushTally tally = new PushTally();
    List<PushConnection> connections = new ArrayList<>(load.connections());
    List<Channel> channels = new ArrayList<>(load.connections());
    try {
      long warming = System.nanoTime();
      ClientWarmUp.run(target, group, channelType, epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class);
      progress.accept(String.format("receive path warmed on a loopback server of its own in %.1f s",
          (System.nanoTime() - warming) / 1e9));
      Bootstrap bootstrap = new Bootstrap().group(group)
          .channel(channelType)
          .option(ChannelOption.TCP_NODELAY, true)
          .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) CONNECT_TIMEOUT.toMillis())
          .remoteAddress(target.host(), target.port());
      long started = System.nanoTime();
      String firstFailure = connectAll(bootstrap, tally, connections, channels);
      double connectSeconds = (System.nanoTime() - started) / 1e9;
      int established = (int) connections.stream().filter(c -> c.ready.isDone() && !c.ready.isCompletedExceptionally()).count();
      progress.accept(String.format("%,d of %,d connections up in %.1f s%s", established, load.connections(), connectSeconds,
          firstFailure == null ? "" : " (first failure: " + firstFailure + ")"));
      tally.openWindow(PushConnection.epochMicros());
      long halfInterval = load.interval().toNanos() / 2000;
      tally.firstCountedTick().thenAccept(ts -> CompletableFuture.delayedExecutor(
          Math.max(0, ts + halfInterval - PushConnection.epochMicros()), TimeUnit.MICROSECONDS).execute(afterFirstTick));
      onAllUp.run();
      Thread.sleep(load.hold().toMillis());
      long lastSeq = tally.closeWindow();
      awaitLastTick(connections, lastSeq);
      int openAtEnd = (int) connections.stream().filter(c -> c.open).count();
      onHoldEnd.run();
      for (Channel channel : channels) {
        channel.close();
      }
      group.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
      latencies = LatencyLog.of(tally.latencyMicros());
      // The event loops have ended: every connection's counters are now safely visible here.
      long ticks = tally.ticksCounted();
      long received = 0;
      for (PushConnection connection : connections) {
        received += connection.counted;
      }
      return PushResult.of(load.connections(), established, openAtEnd, firstFailure, ticks, received,
          ticks * established, tally, connectSeconds);
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
  }

  /**
   * Every counted delivery's latency of the last {@link #run}, for the run folder's log and the report's percentile
   * plot; null before a run has ended.
   */
  public LatencyLog latencies() {
    return latencies;
  }

  private String connectAll(Bootstrap bootstrap, PushTally tally, List<PushConnection> connections,
                            List<Channel> channels) throws Exception {
    Semaphore inFlight = new Semaphore(load.connectConcurrency());
    WebSocketClientPipeline webSocket = target.webSocket() ? new WebSocketClientPipeline(target) : null;
    InetAddress[] sources = sources();
    String firstFailure = null;
    for (int i = 0; i < load.connections(); i++) {
      if (!inFlight.tryAcquire(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        return "no connection completed its set-up within " + CONNECT_TIMEOUT.toSeconds() + " s";
      }
      PushConnection connection = new PushConnection(tally, webSocket);
      connections.add(connection);
      connection.ready.whenComplete((ok, failure) -> inFlight.release());
      ChannelFuture connecting = bootstrap.clone().handler(connection.handler())
          .connect(new InetSocketAddress(target.host(), target.port()), new InetSocketAddress(sources[i % sources.length], 0));
      channels.add(connecting.channel());
      connecting.addListener(done -> {
        if (!done.isSuccess()) {
          connection.ready.completeExceptionally(done.cause());
        }
      });
      if (i % 1000 == 999) {
        progress.accept(String.format("%,d connections opened", i + 1));
      }
    }
    if (!inFlight.tryAcquire(load.connectConcurrency(), CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      firstFailure = "some connections did not complete their set-up within " + CONNECT_TIMEOUT.toSeconds() + " s";
    }
    for (PushConnection connection : connections) {
      if (connection.ready.isCompletedExceptionally()) {
        try {
          connection.ready.join();
        } catch (Exception e) {
          Throwable cause = e.getCause() == null ? e : e.getCause();
          firstFailure = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        }
        break;
      }
    }
    return firstFailure;
  }

  /** Lets the last counted tick finish its fan-out (its ts was taken before the hold ended). */
  private void awaitLastTick(List<PushConnection> connections, long lastSeq) throws InterruptedException {
    long deadline = System.nanoTime() + Math.min(load.interval().toNanos(), TimeUnit.SECONDS.toNanos(5));
    while (System.nanoTime() < deadline) {
      boolean all = true;
      for (PushConnection connection : connections) {
        if (connection.open && connection.lastSeq < lastSeq) {
          all = false;
          break;
        }
      }
      if (all) {
        return;
      }
      Thread.sleep(20);
    }
  }

  private InetAddress[] sources() throws Exception {
    boolean loopback = InetAddress.getByName(target.host()).isLoopbackAddress();
    int count = loopback ? load.sourceAddresses() : 1;
    InetAddress[] sources = new InetAddress[count];
    for (int i = 0; i < count; i++) {
      sources[i] = loopback ? InetAddress.getByName("127.0.0." + (load.firstSource() + i)) : new InetSocketAddress(0).getAddress();
    }
    return sources;
  }
}
