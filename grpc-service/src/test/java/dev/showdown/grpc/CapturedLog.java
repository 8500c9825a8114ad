package dev.showdown.grpc;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Every java.util.logging record published while it is open (grpc-java logs there), from any logger. */
final class CapturedLog extends Handler implements AutoCloseable {
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();

  private CapturedLog() {
  }

  static CapturedLog start() {
    CapturedLog log = new CapturedLog();
    Logger.getLogger("").addHandler(log);
    return log;
  }

  List<LogRecord> records() {
    return List.copyOf(records);
  }

  List<LogRecord> from(Class<?> logger) {
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
