package dev.showdown.bench.load;

import dev.showdown.bench.result.Figure;

import java.util.ArrayList;
import java.util.List;

/**
 * What a load run counted, the same for wrk and the built-in generator. Latencies are in microseconds;
 * {@code errors} are socket-level (connect, read, write, timeout), {@code non2xx} are answered requests whose
 * status was not 2xx (wrk counts 4xx and 5xx). {@code loaderCpuSeconds} is the load tool's own CPU time in the
 * measured window (NaN if unknown): on a shared machine, what the service could not use.
 */
public record LoadResult(
    String tool,
    long requests,
    double seconds,
    long connectErrors,
    long readErrors,
    long writeErrors,
    long timeouts,
    long non2xx,
    double meanMicros,
    double p50Micros,
    double p75Micros,
    double p90Micros,
    double p99Micros,
    double maxMicros,
    double loaderCpuSeconds) {

  public long errors() {
    return connectErrors + readErrors + writeErrors + timeouts;
  }

  public LoadResult withLoaderCpu(double cpuSeconds) {
    return new LoadResult(tool, requests, seconds, connectErrors, readErrors, writeErrors, timeouts, non2xx,
        meanMicros, p50Micros, p75Micros, p90Micros, p99Micros, maxMicros, cpuSeconds);
  }

  public double qps() {
    return seconds > 0 ? requests / seconds : 0;
  }

  /** The figures results.json records for this run. */
  public List<Figure> figures() {
    List<Figure> figures = new ArrayList<>();
    figures.add(Figure.of(Figure.QPS, qps(), Figure.REQ_PER_S));
    figures.add(Figure.of(Figure.REQUESTS, requests, Figure.COUNT));
    figures.add(Figure.of(Figure.ERRORS, errors(), Figure.COUNT));
    figures.add(Figure.of(Figure.NON_2XX, non2xx, Figure.COUNT));
    figures.add(Figure.of(Figure.MEAN, meanMicros / 1000, Figure.MS));
    figures.add(Figure.of(Figure.P50, p50Micros / 1000, Figure.MS));
    figures.add(Figure.of(Figure.P75, p75Micros / 1000, Figure.MS));
    figures.add(Figure.of(Figure.P90, p90Micros / 1000, Figure.MS));
    figures.add(Figure.of(Figure.P99, p99Micros / 1000, Figure.MS));
    figures.add(Figure.of(Figure.MAX, maxMicros / 1000, Figure.MS));
    figures.add(Figure.of(Figure.LOADER_CPU_BUSY, seconds > 0 ? loaderCpuSeconds / seconds : Double.NaN, Figure.CORES));
    figures.removeIf(f -> Double.isNaN(f.value()));
    return figures;
  }
}
