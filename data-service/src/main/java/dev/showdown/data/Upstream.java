package dev.showdown.data;

import dev.showdown.kit.Digits;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.util.concurrent.TimeoutException;

/**
 * The upstream leg of {@code /data}: {@code GET <upstream>/items/<id>} over one event loop's pool of keep-alive
 * connections, the whole exchange within the upstream timeout. Every way it can fail (refused, timed out,
 * non-200, oversized, not JSON) ends as a 502 {@link DependencyFailure}; a request cut off by the timeout or
 * by an oversized body is reset, so its connection leaves the pool.
 */
final class Upstream {
  /** Items are ~200 bytes; anything near this bound is a misbehaving upstream, not an item. */
  static final int MAX_BODY = 1 << 20;

  private final Vertx vertx;
  private final HttpClient client;
  private final UpstreamAddress address;
  private final long timeoutMillis;

  Upstream(Vertx vertx, DataSettings settings) {
    this.vertx = vertx;
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
        // The deadline below already bounds it; this takes a request that waits for a pooled connection off
        // the pool's queue by then, so it holds no place after its answer is given.
        .setConnectTimeout(timeoutMillis);
    return DeadlineExchange.run(vertx, timeoutMillis, DependencyFailure.UPSTREAM_TIMED_OUT, client.request(request),
            sent -> sent.send().compose(this::body))
        .recover(Upstream::toDependencyFailure);
  }

  Future<Void> close() {
    return client.close();
  }

  private Future<byte[]> body(HttpClientResponse response) {
    if (response.statusCode() != 200) {
      return Future.failedFuture(DependencyFailure.upstreamAnswered(response.statusCode()));
    }
    String length = response.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length != null && Digits.parseBounded(length, MAX_BODY) == Digits.INVALID) {
      closeConnection(response);
      return Future.failedFuture(DependencyFailure.UPSTREAM_TOO_LARGE);
    }
    Promise<byte[]> promise = Promise.promise();
    BoundedBody body = new BoundedBody();
    response.handler(chunk -> {
      if (!body.add(chunk)) {
        promise.tryFail(DependencyFailure.UPSTREAM_TOO_LARGE);
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
        promise.tryFail(DependencyFailure.UPSTREAM_NOT_JSON);
      }
    });
    return promise.future();
  }

  /** The only way to stop an HTTP/1.1 body mid-stream; the connection leaves the pool. */
  private static void closeConnection(HttpClientResponse response) {
    response.request().reset();
  }

  /** What the client may see: the failure's own text (addresses, errno, upstream bytes) stays out. */
  private static Future<byte[]> toDependencyFailure(Throwable failure) {
    if (failure instanceof DependencyFailure) {
      return Future.failedFuture(failure);
    }
    return Future.failedFuture(failure instanceof TimeoutException
        ? DependencyFailure.UPSTREAM_TIMED_OUT
        : DependencyFailure.UPSTREAM_UNAVAILABLE);
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
