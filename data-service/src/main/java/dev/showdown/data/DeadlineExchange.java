package dev.showdown.data;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientRequest;

import java.util.function.Function;

/**
 * One HTTP client exchange that must end within a deadline as a whole: the wait for a connection, the request,
 * the response head and the whole body. An idle timeout cannot do that, as an upstream that sends a byte now
 * and then is never idle. When the deadline passes first the result fails with the given failure and the
 * request is reset: one already sent closes its connection, so no half-read response goes back to the pool;
 * one not yet sent gives its connection back unused. Runs on the caller's event loop, so it needs no locks.
 */
final class DeadlineExchange<T> {
  private final Vertx vertx;
  private final Promise<T> outcome = Promise.promise();
  private final Throwable expired;
  private final Function<HttpClientRequest, Future<T>> exchange;
  private final long timer;
  private HttpClientRequest request;

  private DeadlineExchange(Vertx vertx, long deadlineMillis, Throwable expired,
                           Function<HttpClientRequest, Future<T>> exchange) {
    this.vertx = vertx;
    this.expired = expired;
    this.exchange = exchange;
    this.timer = vertx.setTimer(deadlineMillis, fired -> expire());
  }

  /**
   * Runs {@code exchange} on the request {@code opening} yields, all of it within {@code deadlineMillis}.
   *
   * @param expired the failure when the deadline passes first
   */
  static <T> Future<T> run(Vertx vertx, long deadlineMillis, Throwable expired, Future<HttpClientRequest> opening,
                           Function<HttpClientRequest, Future<T>> exchange) {
    DeadlineExchange<T> call = new DeadlineExchange<>(vertx, deadlineMillis, expired, exchange);
    opening.onComplete(call::opened);
    return call.outcome.future();
  }

  private void opened(AsyncResult<HttpClientRequest> opened) {
    if (opened.failed()) {
      finish(Future.failedFuture(opened.cause()));
      return;
    }
    request = opened.result();
    if (outcome.future().isComplete()) {
      // The connection came after the deadline: hand it back without sending anything.
      request.reset();
      return;
    }
    exchange.apply(request).onComplete(this::finish);
  }

  private void expire() {
    if (outcome.tryFail(expired) && request != null) {
      request.reset();
    }
  }

  private void finish(AsyncResult<T> result) {
    vertx.cancelTimer(timer);
    if (result.succeeded()) {
      outcome.tryComplete(result.result());
    } else {
      outcome.tryFail(result.cause());
    }
  }
}
