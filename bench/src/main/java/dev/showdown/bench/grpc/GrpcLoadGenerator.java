package dev.showdown.bench.grpc;

import dev.showdown.bench.latency.LatencyLog;
import dev.showdown.bench.load.LoadListener;
import dev.showdown.bench.load.LoadWindow;
import dev.showdown.proto.userservice.v1.GetUserRequest;
import dev.showdown.proto.userservice.v1.UserServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The bench's gRPC client: grpc-java on grpc-netty (epoll where available), one channel per connection, one
 * {@link CallSlot} per concurrent call spread over the channels, requests built before the run.
 */
public final class GrpcLoadGenerator {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration DRAIN = Duration.ofSeconds(5);

  private final int threads;

  /** {@code threads} event loops for the client; 0 means one per core. */
  public GrpcLoadGenerator(int threads) {
    this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
  }

  /** Puts {@code load} on the UserService at {@code host:port}; throws if no connection answers at all. */
  public GrpcLoadResult run(String host, int port, GrpcLoad load, LoadListener listener) throws Exception {
    boolean epoll = Epoll.isAvailable();
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(Math.min(threads, load.connections()),
        epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    List<ManagedChannel> channels = new ArrayList<>();
    try {
      for (int i = 0; i < load.connections(); i++) {
        channels.add(NettyChannelBuilder.forAddress(host, port)
            .usePlaintext()
            .eventLoopGroup(group)
            .channelType(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
            .directExecutor()
            .build());
      }
      for (ManagedChannel channel : channels) {
        requireAnswer(channel, host + ":" + port);
      }
      return measure(group, channels, load, listener);
    } finally {
      for (ManagedChannel channel : channels) {
        channel.shutdownNow();
      }
      for (ManagedChannel channel : channels) {
        channel.awaitTermination(5, TimeUnit.SECONDS);
      }
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
    }
  }

  private static GrpcLoadResult measure(EventLoopGroup group, List<ManagedChannel> channels, GrpcLoad load,
                                        LoadListener listener) throws InterruptedException {
    GetUserRequest[] requests = new GetUserRequest[load.maxId()];
    for (int id = 1; id <= load.maxId(); id++) {
      requests[id - 1] = GetUserRequest.newBuilder().setUserId(id).build();
    }
    LoadWindow window = new LoadWindow();
    List<CallSlot> slots = new ArrayList<>();
    for (int i = 0; i < load.concurrency(); i++) {
      slots.add(new CallSlot(channels.get(i % channels.size()), group.next(), requests, window, load, i));
    }
    slots.forEach(CallSlot::start);
    listener.warmupStarted(load.warmup(), window.answered::sum);
    Thread.sleep(load.warmup().toMillis());
    long cpuBefore = processCpuNanos();
    window.beginMeasuring();
    listener.measureStarted(load.duration(), window.answered::sum);
    Thread.sleep(load.duration().toMillis());
    window.endMeasuring();
    long cpuUsed = processCpuNanos() - cpuBefore;
    listener.measureEnded();
    window.finish();
    long unfinished = drain(slots);
    double seconds = window.measuredSeconds();
    double coresBusy = cpuBefore < 0 ? Double.NaN : cpuUsed / 1e9 / seconds;
    GrpcLoadResult result = GrpcLoadResult.of(slots, seconds, unfinished, coresBusy);
    listener.latencies(LatencyLog.of(result.latencyMicros()));
    return result;
  }

  /** Waits (bounded) for the calls still in flight; returns how many never answered. */
  private static long drain(List<CallSlot> slots) throws InterruptedException {
    long deadline = System.nanoTime() + DRAIN.toNanos();
    long pending = slots.stream().filter(CallSlot::inFlight).count();
    while (pending > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
      pending = slots.stream().filter(CallSlot::inFlight).count();
    }
    return pending;
  }

  /** One call with a deadline: any status but UNAVAILABLE or DEADLINE_EXCEEDED shows the server is there. */
  private static void requireAnswer(ManagedChannel channel, String target) throws IOException {
    try {
      UserServiceGrpc.newBlockingStub(channel).withDeadlineAfter(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
          .getUser(GetUserRequest.newBuilder().setUserId(1).build());
    } catch (StatusRuntimeException e) {
      Status.Code code = e.getStatus().getCode();
      if (code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED || code == Status.Code.UNIMPLEMENTED) {
        throw new IOException("no UserService at " + target + ": " + e.getStatus(), e);
      }
    }
  }

  /** The whole JVM's CPU time, or -1 where the platform does not tell: the load client's own cost. */
  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }
}
