package dev.showdown.logparse.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Counts a file in parallel: the file is memory-mapped, cut into one slice per thread on line boundaries,
 * each slice counted on its own thread with its own parser and user set, and the tallies appended in order.
 */
public final class FileCounter {
  /** A mapping holds at most this much (a MappedByteBuffer is int-indexed); longer slices are mapped in turn. */
  private static final long MAX_MAPPING = 1L << 30;

  private final Supplier<UserIdParser> parsers;
  private final int threads;
  private final int maxLineBytes;

  public FileCounter(Supplier<UserIdParser> parsers, int threads, int maxLineBytes) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
    this.parsers = parsers;
    this.threads = threads;
    this.maxLineBytes = maxLineBytes;
  }

  public Tally count(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      List<long[]> slices = slices(channel);
      if (slices.size() == 1) {
        Tally total = new Tally();
        for (long[] slice : slices) {
          total.append(countSlice(channel, slice));
        }
        return total;
      }
      return countInParallel(channel, slices);
    }
  }

  private Tally countInParallel(FileChannel channel, List<long[]> slices) throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, slices.size()), runnable -> {
      Thread thread = new Thread(runnable, "uv-counter");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<Tally>> parts = new ArrayList<>();
      for (long[] slice : slices) {
        parts.add(pool.submit(() -> countSlice(channel, slice)));
      }
      Tally total = new Tally();
      for (Future<Tally> part : parts) {
        total.append(part.get());
      }
      return total;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof UncheckedIOException) {
        throw ((UncheckedIOException) cause).getCause();
      }
      throw new IOException(cause);
    } finally {
      pool.shutdownNow();
    }
  }

  private Tally countSlice(FileChannel channel, long[] slice) {
    try {
      NdjsonCounter counter = new NdjsonCounter(parsers.get(), maxLineBytes);
      for (long at = slice[0]; at < slice[1]; at += MAX_MAPPING) {
        MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, at, Math.min(MAX_MAPPING, slice[1] - at));
        counter.feed(mapped);
      }
      return counter.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Up to one [start, end) range per thread, each beginning at a line start. */
  private List<long[]> slices(FileChannel channel) throws IOException {
    long size = channel.size();
    List<long[]> slices = new ArrayList<>();
    long start = 0;
    for (int i = 1; i <= threads && start < size; i++) {
      long end = i == threads ? size : Math.max(start, lineStartAtOrAfter(channel, size * i / threads, size));
      if (end > start) {
        slices.add(new long[] {start, end});
        start = end;
      }
    }
    if (slices.isEmpty()) {
      slices.add(new long[] {0, 0});
    }
    return slices;
  }

  /** The first position at or after {@code position} that follows a newline (or the end of the file). */
  private static long lineStartAtOrAfter(FileChannel channel, long position, long size) throws IOException {
    if (position == 0) {
      return 0;
    }
    ByteBuffer probe = ByteBuffer.allocate(8192);
    long at = position - 1;
    while (at < size) {
      probe.clear();
      int read = channel.read(probe, at);
      if (read <= 0) {
        break;
      }
      for (int i = 0; i < read; i++) {
        if (probe.get(i) == '\n') {
          return at + i + 1;
        }
      }
      at += read;
    }
    return size;
  }
}
