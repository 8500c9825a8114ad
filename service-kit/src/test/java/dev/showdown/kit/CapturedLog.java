package dev.showdown.kit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Every java.util.logging record published while it is open, from any logger: what the kit's and the services'
 * {@link System.Logger}s reach by default, and where grpc-java logs.
 */
public final class CapturedLog extends Handler implements AutoCloseable {
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();

  private CapturedLog() {
  }

  public static CapturedLog start() {
    CapturedLog log = new CapturedLog();
    Logger.getLogger("").addHandler(log);
    return log;
  }

  public List<LogRecord> records() {
    return List.copyOf(records);
  }

  /** The records of the logger named after {@code logger}, as {@code System.getLogger(logger.getName())} is. */
  public List<LogRecord> from(Class<?> logger) {
    return records.stream().filter(record -> logger.getName().equals(record.getLoggerName())).toList();
  }

  @Override
  public void publish(LogRecord record) {
    records.add(record);
  }

  @Override
  public void flush() {
  }

  @Override
  public void close() {
    Logger.getLogger("").removeHandler(this);
  }
}
