package dev.showdown.bench.load;

import java.time.Duration;
import java.util.function.LongSupplier;

/** Hears a load run's phases; {@code completed} counts answers so far (-1 when the tool cannot tell live). */
public interface LoadListener {
  LoadListener NONE = new LoadListener() {
  };

  default void warmupStarted(Duration length, LongSupplier completed) {
  }

  default void measureStarted(Duration length, LongSupplier completed) {
  }

  default void measureEnded() {
  }
}
