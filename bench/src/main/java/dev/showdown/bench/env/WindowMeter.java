package dev.showdown.bench.env;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads {@code /proc/loadavg} and {@code /proc/stat} at the start of a measured window and again at its end:
 * {@code WindowMeter meter = WindowMeter.start(); ...measure...; MachineWindow w = meter.stop();}. Where /proc
 * is missing (not Linux) every figure is unknown rather than guessed.
 */
public final class WindowMeter {
  private static final Path LOADAVG = Path.of("/proc/loadavg");
  private static final Path STAT = Path.of("/proc/stat");

  private final double loadStart;
  private final Optional<CpuTimes> cpuStart;

  private WindowMeter(double loadStart, Optional<CpuTimes> cpuStart) {
    this.loadStart = loadStart;
    this.cpuStart = cpuStart;
  }

  public static WindowMeter start() {
    return new WindowMeter(loadAverage(), cpu());
  }

  public MachineWindow stop() {
    double loadEnd = loadAverage();
    Optional<CpuTimes> cpuEnd = cpu();
    if (cpuStart.isEmpty() || cpuEnd.isEmpty()) {
      return new MachineWindow(loadStart, loadEnd, Double.NaN, Double.NaN);
    }
    return MachineWindow.between(loadStart, loadEnd, cpuStart.get(), cpuEnd.get());
  }

  /** The first field of a {@code /proc/loadavg} text: the 1-minute load average. */
  static double loadAverage(String loadavg) {
    return Double.parseDouble(loadavg.trim().split("\\s+")[0]);
  }

  private static double loadAverage() {
    return read(LOADAVG).map(WindowMeter::loadAverage).orElse(Double.NaN);
  }

  private static Optional<CpuTimes> cpu() {
    return read(STAT).map(CpuTimes::parse);
  }

  private static Optional<String> read(Path file) {
    try {
      return Optional.of(Files.readString(file));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
