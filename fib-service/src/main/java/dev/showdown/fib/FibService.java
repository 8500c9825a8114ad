package dev.showdown.fib;

import dev.showdown.kit.AdmissionGate;
import dev.showdown.kit.Digits;
import dev.showdown.kit.HttpService;
import dev.showdown.kit.JsonResponses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.function.IntToLongFunction;

/**
 * {@code GET /fib/{n}}: the recursion runs on a bounded worker pool, never on an event loop. Running plus
 * queued work is capped; past the cap the answer is 503 with {@code Retry-After} instead of a growing queue.
 */
public final class FibService implements HttpService {
  public static final int DEFAULT_PORT = 8081;
  private static final CharSequence RETRY_AFTER = HttpHeaders.createOptimized("Retry-After");
  private static final CharSequence RETRY_AFTER_SECONDS = HttpHeaders.createOptimized("1");

  private final int workers;
  private final int maxN;
  private final AdmissionGate gate;
  private final IntToLongFunction fib;
  private final String badN;
  private WorkerExecutor executor;

  public FibService(int workers, int queue, int maxN) {
    this(workers, queue, maxN, Fibonacci::of);
  }

  /** With the function that does the work given, so tests can hold a worker busy for as long as they need. */
  FibService(int workers, int queue, int maxN, IntToLongFunction fib) {
    if (workers < 1 || queue < 0 || maxN < 0 || maxN > Fibonacci.MAX_N) {
      throw new IllegalArgumentException(
          "need workers >= 1, queue >= 0 and max-n in 0.." + Fibonacci.MAX_N);
    }
    this.workers = workers;
    this.maxN = maxN;
    this.gate = new AdmissionGate(workers + queue);
    this.fib = fib;
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
  public Future<Void> start(Vertx vertx) {
    executor = vertx.createSharedWorkerExecutor("fib-worker", workers);
    return Future.succeededFuture();
  }

  @Override
  public void mount(Vertx vertx, Router router) {
    router.get("/fib/:n").handler(this::fib);
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
    if (!gate.tryAdmit()) {
      response.putHeader(RETRY_AFTER, RETRY_AFTER_SECONDS);
      JsonResponses.error(response, 503, "busy: " + gate.capacity() + " fib requests already running or queued");
      return;
    }
    // ordered=false: the default (true) would run one task at a time per event loop.
    executor.executeBlocking(() -> fib.applyAsLong(n), false).onComplete(result -> {
      gate.release();
      if (result.succeeded()) {
        JsonResponses.ok(response, Buffer.buffer("{\"result\":" + result.result() + '}'));
      } else {
        JsonResponses.error(response, 500, "internal error");
      }
    });
  }
}
