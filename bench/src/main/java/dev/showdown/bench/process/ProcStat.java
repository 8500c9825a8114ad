package dev.showdown.bench.process;

/**
 * Parses the /proc files the sampler reads: RSS from {@code status}, PSS from {@code smaps_rollup}, CPU ticks from
 * {@code stat}.
 */
public final class ProcStat {
  private ProcStat() {
  }

  /** {@code VmRSS} of a {@code /proc/<pid>/status} text, in bytes; -1 if absent (a zombie has none). */
  public static long rssBytes(String status) {
    return kilobytes(status, "VmRSS:");
  }

  /**
   * {@code Pss} of a {@code /proc/<pid>/smaps_rollup} text, in bytes; -1 if absent. Each page shared by several
   * processes counts as its share, so summed over a process tree the pages its processes share count once.
   */
  public static long pssBytes(String smapsRollup) {
    return kilobytes(smapsRollup, "Pss:");
  }

  /** The {@code <key> <n> kB} line of a /proc text, in bytes; -1 if absent. */
  private static long kilobytes(String text, String key) {
    for (String line : text.split("\n")) {
      if (line.startsWith(key)) {
        String[] parts = line.substring(key.length()).trim().split("\\s+");
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
