package dev.showdown.bench.load;

import java.time.Duration;
import java.util.Map;

/** How long a load runs and at what pace, as every load tool writes it into results.json. */
public final class LoadTiming {
  private LoadTiming() {
  }

  public static void describe(Map<String, Object> settings, Duration duration, Duration warmup, int rate) {
    settings.put("duration_s", duration.toMillis() / 1000.0);
    settings.put("warmup_s", warmup.toMillis() / 1000.0);
    settings.put("mode", rate > 0 ? "constant-rate" : "closed-loop");
    if (rate > 0) {
      settings.put("rate", rate);
    }
  }
}
