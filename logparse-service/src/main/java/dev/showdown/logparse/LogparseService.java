package dev.showdown.logparse;

import dev.showdown.kit.HttpService;
import dev.showdown.kit.ServiceContext;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.Router;

/** {@code POST /uv}: unique users in an NDJSON body (optionally gzip), counted on workers while it streams. */
public final class LogparseService implements HttpService {
  public static final int DEFAULT_PORT = 8083;

  private final int workers;
  private final long maxBody;
  private final int maxLineBytes;
  private final UploadBudget uploadMemory;
  private WorkerExecutor executor;

  /** {@code uploadMemory}: the bytes all uploads together may hold before new ones are refused with 503. */
  public LogparseService(int workers, long maxBody, int maxLineBytes, long uploadMemory) {
    if (workers < 1 || maxBody < 0 || maxLineBytes < 1) {
      throw new IllegalArgumentException("need workers >= 1, max-body >= 0 and max-line >= 1");
    }
    this.workers = workers;
    this.maxBody = maxBody;
    this.maxLineBytes = maxLineBytes;
    this.uploadMemory = new UploadBudget(uploadMemory);
  }

  @Override
  public String name() {
    return "logparse-service";
  }

  @Override
  public int defaultPort() {
    return DEFAULT_PORT;
  }

  @Override
  public Future<Void> start(ServiceContext context) {
    executor = context.vertx().createSharedWorkerExecutor("logparse-worker", workers);
    context.meterRegistry().ifPresent(registry -> UploadMeters.bind(uploadMemory, registry));
    return Future.succeededFuture();
  }

  @Override
  public void mount(Vertx vertx, Router router) {
    router.post("/uv").handler(ctx -> UvUpload.start(ctx.request(), executor, uploadMemory, maxBody, maxLineBytes));
  }

  @Override
  public Future<Void> stop() {
    return executor.close();
  }
}
