package dev.showdown.bench.env;

/**
 * The machine-wide line of {@code /proc/stat} ({@code cpu user nice system idle iowait irq softirq steal ...}), in
 * clock ticks summed over all CPUs, and how many CPUs it sums over. Guest time is already inside user and nice,
 * so it is not added again.
 */
public record CpuTimes(long busy, long idle, long steal, int cpus) {

  public static CpuTimes parse(String procStat) {
    long[] f = null;
    int cpus = 0;
    for (String line : procStat.split("\n")) {
      if (line.startsWith("cpu ")) {
        String[] parts = line.substring(4).trim().split("\\s+");
        f = new long[8];
        for (int i = 0; i < Math.min(8, parts.length); i++) {
          f[i] = Long.parseLong(parts[i]);
        }
      } else if (line.matches("cpu\\d+ .*")) {
        cpus++;
      }
    }
    if (f == null) {
      throw new IllegalArgumentException("no 'cpu ' line in /proc/stat");
    }
    // user, nice, system, irq, softirq are work; idle and iowait are not; steal is time the hypervisor kept.
    return new CpuTimes(f[0] + f[1] + f[2] + f[5] + f[6], f[3] + f[4], f[7], Math.max(1, cpus));
  }

  long total() {
    return busy + idle + steal;
  }
}
