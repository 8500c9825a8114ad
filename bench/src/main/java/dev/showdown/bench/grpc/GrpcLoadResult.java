package dev.showdown.bench.grpc;

import dev.showdown.bench.result.Figure;
import io.grpc.Status;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a gRPC load run counted: answers in the measured window by status, their latencies (microseconds,
 * every status), calls still unanswered when it ended, and the CPU the load client itself used.
 */
public record GrpcLoadResult(long requests, double seconds, Map<Status.Code, Long> errorsByStatus, long unfinished,
                             Histogram latencyMicros, double clientCoresBusy) {

  /** Answers whose status was not OK, plus calls left unanswered. */
  public long errors() {
    return errorsByStatus.values().stream().mapToLong(Long::longValue).sum() + unfinished;
  }

  public double qps() {
    return seconds > 0 ? requests / seconds : 0;
  }

  public double percentileMillis(double percentile) {
    return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
  }

  static GrpcLoadResult of(List<CallSlot> slots, double seconds, long unfinished, double clientCoresBusy) {
    Histogram latency = new Histogram(3);
    long[] byStatus = new long[Status.Code.values().length];
    for (CallSlot slot : slots) {
      latency.add(slot.latencyMicros);
      for (int i = 0; i < byStatus.length; i++) {
        byStatus[i] += slot.answersByStatus[i];
      }
    }
    Map<Status.Code, Long> errors = new LinkedHashMap<>();
    for (Status.Code code : Status.Code.values()) {
      if (code != Status.Code.OK && byStatus[code.value()] > 0) {
        errors.put(code, byStatus[code.value()]);
      }
    }
    return new GrpcLoadResult(latency.getTotalCount(), seconds, errors, unfinished, latency, clientCoresBusy);
  }

  /** The figures results.json records: the HTTP ones where they mean the same, plus one count per error status. */
  public List<Figure> figures() {
    List<Figure> figures = new ArrayList<>();
    figures.add(Figure.of(Figure.QPS, qps(), Figure.REQ_PER_S));
    figures.add(Figure.of(Figure.REQUESTS, requests, Figure.COUNT));
    figures.add(Figure.of(Figure.ERRORS, errors(), Figure.COUNT));
    if (requests > 0) {
      figures.add(Figure.of(Figure.MEAN, latencyMicros.getMean() / 1000, Figure.MS));
      figures.add(Figure.of(Figure.P50, percentileMillis(50), Figure.MS));
      figures.add(Figure.of(Figure.P75, percentileMillis(75), Figure.MS));
      figures.add(Figure.of(Figure.P90, percentileMillis(90), Figure.MS));
      figures.add(Figure.of(Figure.P99, percentileMillis(99), Figure.MS));
      figures.add(Figure.of(Figure.P999, percentileMillis(99.9), Figure.MS));
      figures.add(Figure.of(Figure.MAX, latencyMicros.getMaxValue() / 1000.0, Figure.MS));
    }
    errorsByStatus.forEach((code, count) -> figures.add(Figure.of("status_" + code, count, Figure.COUNT)));
    if (unfinished > 0) {
      figures.add(Figure.of("unfinished", unfinished, Figure.COUNT));
    }
    if (!Double.isNaN(clientCoresBusy)) {
      figures.add(Figure.of(Figure.LOADER_CPU_BUSY, clientCoresBusy, Figure.CORES));
    }
    return figures;
  }
}
