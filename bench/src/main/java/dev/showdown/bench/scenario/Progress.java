package dev.showdown.bench.scenario;

import dev.showdown.bench.result.Credentials;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * What the terminal shows while a run goes on: each scenario and phase as a line, and during a load a ticker
 * with elapsed/total seconds and the live request rate (rewritten in place on a console). Credentials in
 * URLs are hidden.
 */
public final class Progress {
  private static final long CONSOLE_TICK_MS = 1000;
  private static final long LOG_TICK_MS = 5000;

  private final PrintStream out;
  private final boolean console;

  public Progress(PrintStream out, boolean console) {
    this.out = out;
    this.console = console;
  }

  public static Progress toStderr() {
    return new Progress(System.err, System.console() != null);
  }

  public synchronized void line(String scenario, String text) {
    out.println(Credentials.mask("[" + scenario + "] " + text));
  }

  /** Starts a ticker for one timed phase; close it when the phase ends. */
  public Ticker ticker(String scenario, String label, Duration length, LongSupplier completed) {
    return new Ticker(scenario, label, length, completed);
  }

  /** A background line updated while a phase runs. */
  public final class Ticker implements AutoCloseable {
    private final Thread thread;

    private Ticker(String scenario, String label, Duration length, LongSupplier completed) {
      long start = System.nanoTime();
      thread = new Thread(() -> {
        long lastCount = Math.max(0, completed.getAsLong());
        long lastTime = start;
        try {
          while (true) {
            Thread.sleep(console ? CONSOLE_TICK_MS : LOG_TICK_MS);
            long now = System.nanoTime();
            long count = completed.getAsLong();
            String rate = count < 0 ? "" : String.format(Locale.ROOT, "  %,.0f req/s", (count - lastCount) * 1e9 / (now - lastTime));
            String text = String.format(Locale.ROOT, "[%s] %s %d/%d s%s", scenario, label,
                Duration.ofNanos(now - start).toSeconds(), length.toSeconds(), rate);
            show(text);
            lastCount = count;
            lastTime = now;
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "bench-progress");
      thread.setDaemon(true);
      thread.start();
    }

    @Override
    public void close() {
      thread.interrupt();
      try {
        thread.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (console) {
        synchronized (Progress.this) {
          out.print("\r\033[K");
          out.flush();
        }
      }
    }
  }

  private synchronized void show(String line) {
    String text = Credentials.mask(line);
    if (console) {
      out.print("\r\033[K" + text);
      out.flush();
    } else {
      out.println(text);
    }
  }
}
