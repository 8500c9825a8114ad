package dev.showdown.bench.process;

/** Parses the two /proc files the sampler reads: RSS from {@code status}, CPU ticks from {@code stat}. */
public final class ProcStat {
  private ProcStat() {
  }

  /** {@code VmRSS} of a {@code /proc/<pid>/status} text, in bytes; -1 if absent (a zombie has none). */
  public static long rssBytes(String status) {
    for (String line : status.split("\n")) {
      if (line.startsWith("VmRSS:")) {
        String[] parts = line.substring(6).trim().split("\\s+");
        return Long.parseLong(parts[0]) * 1024;
      }
    }
    return -1;
  }

  /** utime + stime of a {@code /proc/<pid>/stat} line, in clock ticks; the command name may hold spaces. */
  public static long cpuTicks(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    // After the name, field 3 (state) is index 0, so utime (field 14) and stime (field 15) are 11 and 12.
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }
}
