package dev.showdown.bench.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.showdown.bench.stats.Spread;

import java.util.List;

/**
 * One number with its unit, e.g. {@code qps 51234.5 req/s}; names below are the ones reports chart. A figure
 * measured in several rounds keeps every round's value in {@code values} (in round order) and their median in
 * {@code value}; measured once, {@code values} is empty and left out of results.json, as in files written before
 * rounds existed.
 */
public record Figure(String name, double value, String unit, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Double> values) {
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
  /** A process tree's summed PSS peak, recorded when an implementation ran as several processes. */
  public static final String PSS_PEAK = "pss_peak";
  public static final String CPU_TIME = "cpu_time";
  public static final String CPU_BUSY = "cpu_busy";
  public static final String LOADER_CPU_BUSY = "loader_cpu_busy";
  /** The service's CPU seconds over the measured window per 1,000 requests answered in it. */
  public static final String CPU_PER_1K = "cpu_s_per_1k_req";

  public static final String REQ_PER_S = "req/s";
  public static final String MS = "ms";
  public static final String MB = "MB";
  public static final String S = "s";
  public static final String COUNT = "count";
  public static final String CORES = "cores";

  public Figure {
    values = values == null || values.size() < 2 ? List.of() : List.copyOf(values);
  }

  public static Figure of(String name, double value, String unit) {
    return new Figure(name, value, unit, List.of());
  }

  /** A figure measured once per round: {@code values} in round order, the median as its value. */
  public static Figure ofRounds(String name, List<Double> values, String unit) {
    return new Figure(name, Spread.median(values), unit, values);
  }

  /** Every round's value; the one value of a figure measured once. */
  public List<Double> rounds() {
    return values.isEmpty() ? List.of(value) : values;
  }

  public Spread spread() {
    return Spread.of(rounds());
  }
}
