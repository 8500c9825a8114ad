package dev.showdown.bench.result;

/** One number with its unit, e.g. {@code qps 51234.5 req/s}; names below are the ones reports chart. */
public record Figure(String name, double value, String unit) {
  public static final String QPS = "qps";
  public static final String QPS_PER_CORE = "qps_per_core";
  public static final String REQUESTS = "requests";
  public static final String ERRORS = "errors";
  public static final String NON_2XX = "non_2xx";
  public static final String MEAN = "latency_mean";
  public static final String P50 = "latency_p50";
  public static final String P75 = "latency_p75";
  public static final String P90 = "latency_p90";
  public static final String P99 = "latency_p99";
  public static final String P999 = "latency_p999";
  public static final String MAX = "latency_max";
  public static final String RSS_PEAK = "rss_peak";
  public static final String RSS_AVG = "rss_avg";
  public static final String CPU_TIME = "cpu_time";
  public static final String CPU_BUSY = "cpu_busy";
  public static final String LOADER_CPU_BUSY = "loader_cpu_busy";

  public static final String REQ_PER_S = "req/s";
  public static final String MS = "ms";
  public static final String MB = "MB";
  public static final String S = "s";
  public static final String COUNT = "count";
  public static final String CORES = "cores";

  public static Figure of(String name, double value, String unit) {
    return new Figure(name, value, unit);
  }
}
