package dev.showdown.logparse;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** The upload budget on {@code /metrics}: what the uploads hold now, and how many it refused. */
final class UploadMeters {
  private UploadMeters() {
  }

  /** {@code logparse_upload_memory_bytes} and {@code logparse_upload_memory_refused_total}. */
  static void bind(UploadBudget budget, MeterRegistry registry) {
    Gauge.builder("logparse.upload.memory", budget, UploadBudget::held)
        .description("Bytes all uploads under way hold of --upload-memory")
        .baseUnit("bytes")
        .strongReference(true)
        .register(registry);
    FunctionCounter.builder("logparse.upload.memory.refused", budget, UploadBudget::refused)
        .description("Uploads answered 503 because --upload-memory had no room for them")
        .register(registry);
  }
}
