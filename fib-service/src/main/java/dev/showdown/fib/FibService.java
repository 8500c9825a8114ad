package dev.showdown.fib;

import dev.showdown.kit.AdmissionGate;
import dev.showdown.kit.Digits;
import dev.showdown.kit.HttpService;
import dev.showdown.kit.InvalidFlagException;
import dev.showdown.kit.JsonResponses;
import dev.showdown.kit.ServiceContext;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /fib/{n}}: the recursion runs on a bounded worker pool, never on an event loop. Running plus
 * queued work is capped; past the cap the answer is 503 with {@code Retry-After} instead of a growing queue.
 * Work for a client that has left is skipped if it is still queued and stopped if it is running.
 */
public final class FibService implements HttpService {
  public static final int DEFAULT_PORT = 8081;
  private static final CharSequence RETRY_AFTER = HttpHeaders.createOptimized("Retry-After");
  private static final CharSequence RETRY_AFTER_SECONDS = HttpHeaders.createOptimized("1");

  /** The work behind one request: fib(n), or a {@link CancellationException} soon after {@code cancelled}. */
  @FunctionalInterface
  interface Work {
    long compute(int n, BooleanSupplier cancelled);
  }

  private final int workers;
  private final int maxN;
  private final AdmissionGate gate;
  private final Work work;
  private final String badN;
  private final AbandonedWork abandoned = new AbandonedWork();
  private WorkerExecutor executor;

  /** @throws InvalidFlagException naming the flag whose value is out of range */
  public FibService(int workers, int queue, int maxN) {
    this(workers, queue, maxN, Fibonacci::of);
  }

  /** With the work given, so tests can hold a worker busy for as long as they need and see what ran. */
  FibService(int workers, int queue, int maxN, Work work) {
    InvalidFlagException.require(workers >= 1, "--workers must be at least 1, was " + workers);
    InvalidFlagException.require(queue >= 0, "--queue must be at least 0, was " + queue);
    InvalidFlagException.require(maxN >= 0 && maxN <= Fibonacci.MAX_N,
        "--max-n must be in 0.." + Fibonacci.MAX_N + ", was " + maxN);
    this.workers = workers;
    this.maxN = maxN;
    this.gate = new AdmissionGate(workers + queue);
    this.work = work;
    this.badN = "n must be an integer in 0.." + maxN;
  }

  @Override
  public String name() {
    return "fib-service";
  }

  @Override
  public int defaultPort() {
    return DEFAULT_PORT;
  }

  @Override
  public Future<Void> start(ServiceContext context) {
    executor = context.vertx().createSharedWorkerExecutor("fib-worker", workers);
    context.meterRegistry().ifPresent(abandoned::bindTo);
    return Future.succeededFuture();
  }

  @Override
  public void mount(Vertx vertx, Router router) {
    router.get("/fib/:n").handler(this::fib);
    // An empty n is a bad n, not an unknown route.
    router.get("/fib/").handler(ctx -> JsonResponses.error(ctx.response(), 400, badN));
  }

  int workers() {
    return workers;
  }

  /** Requests running or waiting for a worker. */
  int admitted() {
    return gate.admitted();
  }

  @Override
  public Future<Void> stop() {
    return executor.close();
  }

  private void fib(RoutingContext ctx) {
    HttpServerResponse response = ctx.response();
    int n = (int) Digits.parseBounded(ctx.pathParam("n"), maxN);
    if (n < 0) {
      JsonResponses.error(response, 400, badN);
      return;
    }
    if (response.closed()) {
      // The client left before its request was routed: a close handler added now would never run.
      return;
    }
    if (!gate.tryAdmit()) {
      response.putHeader(RETRY_AFTER, RETRY_AFTER_SECONDS);
      JsonResponses.error(response, 503, "busy: " + gate.capacity() + " fib requests already running or queued");
      return;
    }
    // Read by the worker; set on this event loop when the connection closes before the answer.
    AtomicBoolean clientLeft = new AtomicBoolean();
    ctx.addEndHandler(end -> clientLeft.set(end.failed()));
    // ordered=false: the default (true) would run one task at a time per event loop.
    executor.executeBlocking(() -> compute(n, clientLeft), false).onComplete(result -> {
      gate.release();
      if (result.succeeded()) {
        JsonResponses.ok(response, Buffer.buffer("{\"result\":" + result.result() + '}'));
      } else {
        // After a cancellation the response is closed and this writes nothing.
        JsonResponses.error(response, 500, "internal error");
      }
    });
  }

  private long compute(int n, AtomicBoolean clientLeft) {
    if (clientLeft.get()) {
      abandoned.skipped();
      throw new CancellationException("client left while fib(" + n + ") was queued");
    }
    try {
      return work.compute(n, clientLeft::get);
    } catch (CancellationException e) {
      abandoned.stopped();
      throw e;
    }
  }
}
