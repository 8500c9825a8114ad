package dev.showdown.bench.grpc;

import dev.showdown.bench.load.LoadWindow;
import dev.showdown.proto.userservice.v1.GetUserRequest;
import dev.showdown.proto.userservice.v1.User;
import dev.showdown.proto.userservice.v1.UserServiceGrpc;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import io.netty.channel.EventLoop;
import org.HdrHistogram.Histogram;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One call always in flight: sends GetUser, and when the answer arrives records it and sends the next, at
 * once (closed loop) or at its intended time (constant rate, latency counted from that time so a slow server
 * cannot hide its queue). All of its callbacks run on one event loop, so its counters need no locks; they
 * are read once the run is over.
 */
final class CallSlot implements StreamObserver<User> {
  final Histogram latencyMicros = new Histogram(3);
  final long[] answersByStatus = new long[Status.Code.values().length];

  private final Channel channel;
  private final EventLoop loop;
  private final GetUserRequest[] requests;
  private final LoadWindow window;
  private final long periodNanos;
  private long intendedNanos;
  private long startNanos;
  private volatile boolean inFlight;

  CallSlot(Channel channel, EventLoop loop, GetUserRequest[] requests, LoadWindow window, GrpcLoad load, int index) {
    this.channel = channel;
    this.loop = loop;
    this.requests = requests;
    this.window = window;
    this.periodNanos = load.constantRate() ? (long) (1e9 * load.concurrency() / load.rate()) : 0;
    this.intendedNanos = window.startNanos + periodNanos * index / load.concurrency();
  }

  void start() {
    loop.execute(this::sendWhenDue);
  }

  boolean inFlight() {
    return inFlight;
  }

  private void sendWhenDue() {
    if (!window.running()) {
      return;
    }
    long delay = periodNanos > 0 ? intendedNanos - System.nanoTime() : 0;
    if (delay > 0) {
      loop.schedule(this::send, delay, TimeUnit.NANOSECONDS);
    } else {
      send();
    }
  }

  private void send() {
    if (!window.running()) {
      return;
    }
    inFlight = true;
    startNanos = periodNanos > 0 ? intendedNanos : System.nanoTime();
    GetUserRequest request = requests[ThreadLocalRandom.current().nextInt(requests.length)];
    ClientCalls.asyncUnaryCall(channel.newCall(UserServiceGrpc.getGetUserMethod(), CallOptions.DEFAULT), request, this);
  }

  @Override
  public void onNext(User user) {
    // The answer is counted when the call completes.
  }

  @Override
  public void onCompleted() {
    answered(Status.Code.OK);
  }

  @Override
  public void onError(Throwable failure) {
    answered(Status.fromThrowable(failure).getCode());
  }

  private void answered(Status.Code code) {
    long now = System.nanoTime();
    if (window.counts(now)) {
      latencyMicros.recordValue(Math.max(0, (now - startNanos) / 1000));
      answersByStatus[code.value()]++;
      window.answered.increment();
    }
    intendedNanos += periodNanos;
    inFlight = false;
    if (code == Status.Code.OK) {
      sendWhenDue();
    } else {
      // A failing channel may fail the next call inside the call itself: go through the loop, not the stack.
      loop.execute(this::sendWhenDue);
    }
  }
}
