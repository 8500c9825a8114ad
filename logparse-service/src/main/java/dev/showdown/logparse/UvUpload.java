package dev.showdown.logparse;

import dev.showdown.kit.Digits;
import dev.showdown.kit.JsonResponses;
import dev.showdown.logparse.core.GunzipStream;
import dev.showdown.logparse.core.JsonLineScanner;
import dev.showdown.logparse.core.NdjsonCounter;
import dev.showdown.logparse.core.UvReport;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

import java.nio.ByteBuffer;
import java.util.concurrent.Callable;
import java.util.zip.ZipException;

/**
 * One {@code POST /uv}: the body is counted while it streams in, chunk by chunk on a worker thread and in
 * arrival order (each chunk's task is chained after the previous one), with the request paused while too
 * many chunks wait. The event loop only moves chunks and writes the answer. Every byte the upload holds (its
 * buffers, its queued chunks, a long line) is taken from the {@link UploadBudget} first.
 */
final class UvUpload {
  /** Chunks queued for the worker before the socket is paused. */
  private static final int MAX_QUEUED = 16;
  /**
   * What must stay free in the budget, beyond its own buffers, for a new upload to be let in: room for its
   * queue of HTTP/1.1 chunks, so that an upload let in is not refused at its first chunks.
   */
  private static final long QUEUE_ROOM = (long) MAX_QUEUED * HttpServerOptions.DEFAULT_MAX_CHUNK_SIZE;
  /** Where the worker copies each chunk to start with; it grows for a larger chunk (HTTP/2 frames). */
  private static final int CHUNK_COPY = 16 * 1024;
  /** After an error answer, this much more of the body is read and dropped before the connection is cut. */
  private static final long DRAIN_LIMIT = 64L << 20;
  private static final String MEMORY_FULL =
      "the service holds as much upload data as it may (--upload-memory); try again later";

  private final HttpServerRequest request;
  private final WorkerExecutor worker;
  private final UploadBudget.Share memory;
  private final long maxBody;
  private final NdjsonCounter counter;
  private final GunzipStream gunzip;
  private final long startNanos = System.nanoTime();
  /** The last task: the next one runs after it. */
  private Future<?> counted = Future.succeededFuture();
  /** Where the worker copies each chunk: reused, as the chained tasks never run at the same time. */
  private byte[] chunkBytes = new byte[CHUNK_COPY];
  private long received;
  private long inflated;
  private int queued;
  private boolean paused;
  private boolean answered;
  /** Set on the event loop once the upload's work is over (answered, failed, or the client gone). */
  private boolean stopped;

  private UvUpload(HttpServerRequest request, WorkerExecutor worker, UploadBudget.Share memory, long maxBody,
                   int maxLineBytes, boolean gzip) {
    this.request = request;
    this.worker = worker;
    this.memory = memory;
    this.maxBody = maxBody;
    this.counter = new NdjsonCounter(new JsonLineScanner(), maxLineBytes, this::grow);
    this.gunzip = gzip ? new GunzipStream(this::inflated) : null;
  }

  /**
   * Answers {@code request}: its Content-Encoding and Content-Length are checked, and its buffers taken from
   * {@code budget}, before any byte is read.
   */
  static void start(HttpServerRequest request, WorkerExecutor worker, UploadBudget budget, long maxBody,
                    int maxLineBytes) {
    String encoding = request.getHeader(HttpHeaders.CONTENT_ENCODING);
    boolean gzip = encoding != null && (encoding.equalsIgnoreCase("gzip") || encoding.equalsIgnoreCase("x-gzip"));
    // A client that asks first (curl does for bodies over 1 MB) sends nothing until it is told to go on.
    boolean asksFirst = "100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT));
    if (encoding != null && !gzip && !encoding.equalsIgnoreCase("identity")) {
      refuse(request, 415, "unsupported Content-Encoding " + encoding + ": send gzip or no encoding", asksFirst);
      return;
    }
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    // Netty has already refused a malformed Content-Length: INVALID here means larger than the limit.
    if (length != null && Digits.parseBounded(length, maxBody) == Digits.INVALID) {
      refuse(request, 413, tooLarge(maxBody), asksFirst);
      return;
    }
    UploadBudget.Share memory = budget.share();
    if (!memory.tryTake(buffersAtStart(gzip, maxLineBytes), QUEUE_ROOM)) {
      memory.refusedForMemory();
      refuse(request, 503, MEMORY_FULL, asksFirst);
      return;
    }
    if (asksFirst) {
      request.response().writeContinue();
    }
    new UvUpload(request, worker, memory, maxBody, maxLineBytes, gzip).listen();
  }

  /** The least {@code --upload-memory} that lets one upload in: a gzip one's buffers and its chunk queue. */
  static long leastMemory(int maxLineBytes) {
    return buffersAtStart(true, maxLineBytes) + QUEUE_ROOM;
  }

  private static long buffersAtStart(boolean gzip, int maxLineBytes) {
    return CHUNK_COPY + NdjsonCounter.initialBufferBytes(maxLineBytes) + (gzip ? GunzipStream.OUTPUT_WINDOW : 0);
  }

  private void listen() {
    request.handler(this::chunk);
    request.endHandler(v -> end());
    request.exceptionHandler(failure -> {
      // The client went away: nobody to answer, and what it left queued is dropped rather than counted.
      answered = true;
      stop();
    });
  }

  private void chunk(Buffer chunk) {
    if (answered) {
      return;
    }
    int length = chunk.length();
    received += length;
    if (received > maxBody) {
      fail(new BodyTooLarge());
      return;
    }
    if (!memory.tryTake(length)) {
      fail(new UploadMemoryFull());
      return;
    }
    if (++queued == MAX_QUEUED) {
      paused = true;
      request.pause();
    }
    counted = counted.compose(v -> onWorker(() -> count(chunk)));
    counted.onComplete(done -> {
      memory.give(length);
      queued--;
      if (done.failed()) {
        fail(done.cause());
      } else if (paused && queued <= MAX_QUEUED / 2) {
        paused = false;
        request.resume();
      }
    });
  }

  private void end() {
    if (answered) {
      return;
    }
    Future<String> report = counted.compose(v -> onWorker(this::finish));
    counted = report;
    report.onComplete(done -> {
      if (done.failed()) {
        fail(done.cause());
      } else if (!answered) {
        answered = true;
        stop();
        JsonResponses.ok(request.response(), Buffer.buffer(done.result()));
      }
    });
  }

  /** The task on the worker, or nothing once the upload has stopped: a vanished client's chunks cost no work. */
  private <T> Future<T> onWorker(Callable<T> task) {
    return stopped ? Future.succeededFuture() : worker.executeBlocking(task, false);
  }

  /** Runs on the worker. */
  private Void count(Buffer chunk) throws ZipException {
    int length = chunk.length();
    if (chunkBytes.length < length) {
      int grown = Math.max(length, 2 * chunkBytes.length);
      grow(grown - chunkBytes.length);
      chunkBytes = new byte[grown];
    }
    chunk.getBytes(0, length, chunkBytes, 0);
    ByteBuffer bytes = ByteBuffer.wrap(chunkBytes, 0, length);
    if (gunzip == null) {
      counter.feed(bytes);
    } else {
      gunzip.feed(bytes);
    }
    return null;
  }

  /** Runs on the worker, before a buffer grows by {@code bytes}. */
  private void grow(int bytes) {
    if (!memory.tryTake(bytes)) {
      throw new UploadMemoryFull();
    }
  }

  /** Runs on the worker, inside {@link GunzipStream#feed}. */
  private void inflated(ByteBuffer bytes) {
    inflated += bytes.remaining();
    if (inflated > maxBody) {
      throw new BodyTooLarge();
    }
    counter.feed(bytes);
  }

  /** Runs on the worker. */
  private String finish() throws ZipException {
    if (gunzip != null) {
      gunzip.finish();
    }
    return UvReport.json(counter.finish(), System.nanoTime() - startNanos);
  }

  private void fail(Throwable failure) {
    if (answered) {
      return;
    }
    answered = true;
    stop();
    if (paused) {
      request.resume();
    }
    if (failure instanceof BodyTooLarge) {
      refuse(request, 413, tooLarge(maxBody), false);
    } else if (failure instanceof ZipException) {
      refuse(request, 400, "invalid gzip body: " + failure.getMessage(), false);
    } else if (failure instanceof UploadMemoryFull) {
      memory.refusedForMemory();
      refuse(request, 503, MEMORY_FULL, false);
    } else {
      refuse(request, 500, "internal error", false);
    }
  }

  /** Queues no more work; once the task under way (if any) is done, frees the inflater and the budget share. */
  private void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    counted.onComplete(done -> {
      if (gunzip != null) {
        gunzip.close();
      }
      memory.close();
    });
  }

  /**
   * Answers an error before the body has been read, then closes the connection: at once when the client
   * withholds its body until told to go on, else once the rest of the body has been read and dropped (up to
   * {@link #DRAIN_LIMIT}), so that the client sees the answer rather than a reset.
   */
  private static void refuse(HttpServerRequest request, int status, String reason, boolean bodyWithheld) {
    HttpServerResponse response = request.response();
    response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
    if (status == 503) {
      response.putHeader(HttpHeaders.RETRY_AFTER, "1");
    }
    if (bodyWithheld) {
      response.endHandler(v -> request.connection().close());
    }
    JsonResponses.error(response, status, reason);
    if (request.isEnded() || bodyWithheld) {
      return;
    }
    long[] dropped = {0};
    request.handler(chunk -> {
      dropped[0] += chunk.length();
      if (dropped[0] > DRAIN_LIMIT) {
        request.connection().close();
      }
    });
    request.endHandler(v -> request.connection().close());
    request.exceptionHandler(null);
  }

  private static String tooLarge(long maxBody) {
    return "request body larger than " + maxBody + " bytes";
  }

  /** A failure that carries no stack trace: it is an answer to the client, not a bug. */
  private abstract static class Refusal extends RuntimeException {
    Refusal() {
      super(null, null, false, false);
    }
  }

  /** The body, or what it inflates to, passed {@code --max-body}. */
  private static final class BodyTooLarge extends Refusal {
  }

  /** The budget of all uploads had no room for what this one needed next. */
  private static final class UploadMemoryFull extends Refusal {
  }
}
