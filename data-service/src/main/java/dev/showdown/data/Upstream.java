package dev.showdown.data;

import dev.showdown.kit.Digits;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.util.concurrent.TimeoutException;

/**
 * The upstream leg of {@code /data}: {@code GET <upstream>/items/<id>} over one event loop's pool of keep-alive
 * connections. Every way it can fail (refused, timed out, non-200, oversized, not JSON) ends as a 502
 * {@link DependencyFailure}; a timed-out request is reset, so its connection leaves the pool.
 */
final class Upstream {
  /** Items are ~200 bytes; anything near this bound is a misbehaving upstream, not an item. */
  static final int MAX_BODY = 1 << 20;

  private final HttpClient client;
  private final UpstreamAddress address;
  private final long timeoutMillis;

  Upstream(Vertx vertx, DataSettings settings) {
    this.address = settings.upstream();
    this.timeoutMillis = settings.upstreamTimeout().toMillis();
    this.client = vertx.createHttpClient(
        new HttpClientOptions()
            .setSsl(address.ssl())
            .setKeepAlive(true)
            .setTcpNoDelay(true)
            .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMillis)),
        new PoolOptions().setHttp1MaxSize(settings.upstreamPoolSize()));
  }

  /** The item's JSON bytes, or a failed future carrying a 502 {@link DependencyFailure}. */
  Future<byte[]> item(long id) {
    RequestOptions request = new RequestOptions()
        .setMethod(HttpMethod.GET)
        .setHost(address.host())
        .setPort(address.port())
        .setURI(address.itemPath(id))
        // Bounds both the wait for a pooled connection and the silence while waiting for the answer.
        .setConnectTimeout(timeoutMillis)
        .setIdleTimeout(timeoutMillis);
    return client.request(request)
        .compose(HttpClientRequest::send)
        .compose(this::body)
        .recover(this::toDependencyFailure);
  }

  Future<Void> close() {
    return client.close();
  }

  private Future<byte[]> body(HttpClientResponse response) {
    if (response.statusCode() != 200) {
      return Future.failedFuture(new DependencyFailure(502, "upstream answered " + response.statusCode()));
    }
    String length = response.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length != null && Digits.parseBounded(length, MAX_BODY) == Digits.INVALID) {
      closeConnection(response);
      return Future.failedFuture(tooLarge());
    }
    Promise<byte[]> promise = Promise.promise();
    BoundedBody body = new BoundedBody();
    response.handler(chunk -> {
      if (!body.add(chunk)) {
        promise.tryFail(tooLarge());
        closeConnection(response);
      }
    });
    response.exceptionHandler(promise::tryFail);
    response.endHandler(end -> {
      byte[] bytes = body.bytes();
      if (bytes == null) {
        return;
      }
      if (JsonText.isSingleValue(bytes, bytes.length)) {
        promise.tryComplete(bytes);
      } else {
        promise.tryFail(new DependencyFailure(502, "upstream answered a body that is not JSON"));
      }
    });
    return promise.future();
  }

  private static DependencyFailure tooLarge() {
    return new DependencyFailure(502, "upstream body larger than " + MAX_BODY + " bytes");
  }

  /** The only way to stop an HTTP/1.1 body mid-stream; the connection leaves the pool. */
  private static void closeConnection(HttpClientResponse response) {
    response.request().reset();
  }

  private Future<byte[]> toDependencyFailure(Throwable failure) {
    if (failure instanceof DependencyFailure) {
      return Future.failedFuture(failure);
    }
    String reason = failure instanceof TimeoutException
        ? "upstream timed out after " + timeoutMillis + " ms"
        : "upstream unavailable: " + describe(failure);
    return Future.failedFuture(new DependencyFailure(502, reason));
  }

  static String describe(Throwable failure) {
    String message = failure.getMessage();
    return message == null ? failure.getClass().getSimpleName() : message;
  }

  /** Collects a response body up to {@link #MAX_BODY}; a single-chunk body (the usual case) is not copied. */
  private static final class BoundedBody {
    private Buffer first;
    private Buffer joined;
    private int size;
    private boolean overflowed;

    boolean add(Buffer chunk) {
      if (overflowed) {
        return true;
      }
      size += chunk.length();
      if (size > MAX_BODY) {
        overflowed = true;
        first = null;
        joined = null;
        return false;
      }
      if (first == null) {
        first = chunk;
      } else {
        if (joined == null) {
          joined = Buffer.buffer(Math.max(256, size * 2)).appendBuffer(first);
        }
        joined.appendBuffer(chunk);
      }
      return true;
    }

    /** The whole body, or null if it overflowed. */
    byte[] bytes() {
      if (overflowed) {
        return null;
      }
      Buffer whole = joined != null ? joined : first;
      return whole == null ? new byte[0] : whole.getBytes();
    }
  }
}
