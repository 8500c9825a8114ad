package dev.showdown.bench.env;

import dev.showdown.bench.result.Figure;

import java.util.ArrayList;
import java.util.List;

/**
 * How busy the whole machine was during one measured window: the 1-minute load average at its start and end
 * ({@code /proc/loadavg}), the cores busy with anything (this service, the load tool and everyone else sharing the
 * machine) and the share of CPU time the hypervisor stole ({@code /proc/stat}). NaN where unknown.
 */
public record MachineWindow(double loadAverageStart, double loadAverageEnd, double busyCores, double stealPercent) {
  public static final String LOAD_AVERAGE = "machine_load_1m";
  public static final String BUSY = "machine_cpu_busy";
  public static final String STEAL = "cpu_steal";

  static MachineWindow between(double loadStart, double loadEnd, CpuTimes start, CpuTimes end) {
    long total = end.total() - start.total();
    if (total <= 0) {
      return new MachineWindow(loadStart, loadEnd, Double.NaN, Double.NaN);
    }
    return new MachineWindow(loadStart, loadEnd, (double) (end.busy() - start.busy()) / total * end.cpus(),
        100.0 * (end.steal() - start.steal()) / total);
  }

  /**
   * The figures for a measurement: the higher of the two load averages (the 1-minute average trails the window),
   * the machine's busy cores, and steal.
   */
  public List<Figure> figures() {
    List<Figure> figures = new ArrayList<>();
    figures.add(Figure.of(LOAD_AVERAGE, Math.max(loadAverageStart, loadAverageEnd), "load"));
    figures.add(Figure.of(BUSY, busyCores, Figure.CORES));
    figures.add(Figure.of(STEAL, stealPercent, "%"));
    figures.removeIf(f -> Double.isNaN(f.value()));
    return figures;
  }
}
