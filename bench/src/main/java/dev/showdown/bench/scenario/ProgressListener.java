package dev.showdown.bench.scenario;

import dev.showdown.bench.load.LoadListener;

import java.time.Duration;
import java.util.function.LongSupplier;

/** Shows a load's warm-up and measured window as live progress tickers. */
public class ProgressListener implements LoadListener {
  private final Progress progress;
  private final String scenario;
  private final String label;
  private Progress.Ticker ticker;

  public ProgressListener(Progress progress, String scenario, String label) {
    this.progress = progress;
    this.scenario = scenario;
    this.label = label;
  }

  @Override
  public void warmupStarted(Duration length, LongSupplier completed) {
    show("warm-up", length, completed);
  }

  @Override
  public void measureStarted(Duration length, LongSupplier completed) {
    show("measure", length, completed);
  }

  @Override
  public void measureEnded() {
    stopTicker();
  }

  private void show(String phase, Duration length, LongSupplier completed) {
    stopTicker();
    ticker = progress.ticker(scenario, label + " " + phase, length, completed);
  }

  protected final void stopTicker() {
    if (ticker != null) {
      ticker.close();
      ticker = null;
    }
  }
}
