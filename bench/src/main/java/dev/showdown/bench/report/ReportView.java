package dev.showdown.bench.report;

import dev.showdown.bench.env.MachineWindow;
import dev.showdown.bench.result.Figure;
import dev.showdown.bench.result.Measurement;
import dev.showdown.bench.result.RunResult;
import dev.showdown.bench.result.ScenarioResult;
import dev.showdown.bench.scenario.Published;
import dev.showdown.bench.stats.Spread;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What both reports say, decided once: the header lines, each scenario's columns, load and published lines. */
final class ReportView {
  /** The order of the columns reports show; other figures a scenario records follow in their own order. */
  private static final List<String> SHOWN = List.of(Figure.QPS, Figure.QPS_PER_CORE, Figure.P50, Figure.P90, Figure.P99,
      Figure.MAX, Figure.ERRORS, Figure.NON_2XX, Figure.RSS_PEAK, Figure.PSS_PEAK, Figure.CPU_BUSY, Figure.CPU_PER_1K, Figure.LOADER_CPU_BUSY);
  /** In results.json, left out of the tables to keep them readable. */
  private static final List<String> STANDARD_LOAD_KEYS =
      List.of("path", "ids", "connections", "duration_s", "warmup_s", "rate", "tool", "mode", "timeout_s");
  /** The machine's load in each window is a condition of the run: summed up in its lines, not a column. */
  private static final List<String> MACHINE = List.of(MachineWindow.LOAD_AVERAGE, MachineWindow.BUSY, MachineWindow.STEAL);
  private static final List<String> HIDDEN = List.of(Figure.REQUESTS, Figure.MEAN, Figure.P75, Figure.RSS_AVG, Figure.CPU_TIME,
      MachineWindow.LOAD_AVERAGE, MachineWindow.BUSY, MachineWindow.STEAL);

  static final String PUBLISHED_CAVEAT = "Published elsewhere, on other hardware with other load tools: context, "
      + "not a side-by-side comparison. Only the table above was measured here.";

  private ReportView() {
  }

  record Column(String name, String unit) {
    String heading() {
      return Cells.heading(name, unit);
    }
  }

  static String title(RunResult result) {
    return "Showdown bench run, " + result.started().replace('T', ' ').replaceAll("\\.\\d+Z$", " UTC");
  }

  /** Label and value pairs describing where and how the run measured. */
  static Map<String, String> conditions(RunResult result) {
    Map<String, String> lines = new LinkedHashMap<>();
    RunResult.Machine m = result.machine();
    lines.put("Machine", String.format(Locale.ROOT, "%s, %d cores, %.1f GiB memory, %s %s", m.cpuModel(), m.cores(),
        m.memoryBytes() / (1024.0 * 1024 * 1024), m.os(), m.kernel()));
    lines.put("Services' JVM", result.jvm().version() + " (" + result.jvm().java() + ")");
    lines.put("JVM flags", (result.jvm().flags().isEmpty() ? "(none)" : String.join(" ", result.jvm().flags()))
        + " (default profile)");
    List<String> profiles = JvmFlagsText.profiles(result).stream().map(JvmFlagsText.Profile::name).toList();
    if (profiles.size() > 1) {
      lines.put("JVM profiles", String.join(", ", profiles) + ": one Java row each (see \"" + JvmFlagsText.TITLE + "\")");
    }
    boolean elsewhere = Boolean.FALSE.equals(result.settings().get("load_generator_on_same_machine"));
    lines.put("Load", (elsewhere ? "generated on this machine, while some --target runs on another (its figures and "
        + "the services' are not alike); HTTP tool: " : "generated on the same machine (it shares the cores with the service); HTTP tool: ")
        + result.settings().getOrDefault("tool_closed_loop", "?")
        + (rate(result) > 0 ? "; constant rate " + rate(result) + " req/s (latency from intended send time)" : "; closed loop"));
    Optional.ofNullable(result.settings().get("wrk_version")).ifPresent(v -> lines.put("wrk", v.toString()));
    Optional.ofNullable(result.settings().get("bench_jvm")).ifPresent(v -> lines.put("Bench's JVM",
        v + " (built-in load generator and helpers)"));
    Optional.ofNullable(result.settings().get("redis_version")).ifPresent(v -> lines.put("Redis", "--redis, version " + v));
    machineDuringWindows(result).ifPresent(text -> lines.put("Machine during the measured windows", text));
    if (Boolean.TRUE.equals(result.settings().get("quick"))) {
      lines.put("--quick", "every load shortened to a few seconds: a smoke check, not figures to quote");
    }
    lines.put("Source", "commit " + result.git().commit() + (result.git().dirty() ? " with uncommitted changes" : ""));
    lines.put("Run", result.started() + " to " + result.finished());
    return lines;
  }

  /** The highest of each machine figure over every measured window, e.g. {@code load 1m up to 2.1; busy up to 1.9 cores}. */
  private static Optional<String> machineDuringWindows(RunResult result) {
    Map<String, Double> highest = new LinkedHashMap<>();
    for (ScenarioResult scenario : result.scenarios()) {
      for (Measurement m : scenario.measurements()) {
        for (String name : MACHINE) {
          m.figure(name).ifPresent(f -> f.rounds().forEach(v -> highest.merge(name, v, Math::max)));
        }
      }
    }
    if (highest.isEmpty()) {
      return Optional.empty();
    }
    List<String> parts = new ArrayList<>();
    Optional.ofNullable(highest.get(MachineWindow.LOAD_AVERAGE)).ifPresent(v -> parts.add(String.format(Locale.ROOT, "1-minute load average up to %.2f", v)));
    Optional.ofNullable(highest.get(MachineWindow.BUSY)).ifPresent(v -> parts.add(String.format(Locale.ROOT, "busy cores (everything on the machine) up to %.2f", v)));
    Optional.ofNullable(highest.get(MachineWindow.STEAL)).ifPresent(v -> parts.add(String.format(Locale.ROOT, "CPU steal up to %.1f%%", v)));
    return Optional.of(String.join("; ", parts) + " (each window's in results.json)");
  }

  private static int rate(RunResult result) {
    Object rate = result.settings().get("rate");
    return rate instanceof Number n ? n.intValue() : 0;
  }

  /** The columns of a scenario's measured table: the usual ones first, then whatever else it recorded. */
  static List<Column> columns(ScenarioResult scenario) {
    Map<String, String> units = new LinkedHashMap<>();
    for (Measurement m : scenario.measurements()) {
      for (Figure f : m.figures()) {
        units.putIfAbsent(f.name(), f.unit());
      }
    }
    List<Column> columns = new ArrayList<>();
    for (String name : SHOWN) {
      if (units.containsKey(name)) {
        columns.add(new Column(name, units.get(name)));
      }
    }
    units.forEach((name, unit) -> {
      if (!SHOWN.contains(name) && !HIDDEN.contains(name)) {
        columns.add(new Column(name, unit));
      }
    });
    return columns;
  }

  static String cell(Measurement m, Column column) {
    return m.figure(column.name()).map(Cells::value).orElse("–");
  }

  /** The load a measurement ran, in words, e.g. {@code wrk: GET /ping, 64 connections, 10 s after 1 s warm-up}. */
  static String load(Measurement m) {
    Map<String, Object> load = m.load();
    if (load == null || load.isEmpty()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    Optional.ofNullable(load.get("path")).ifPresent(p -> parts.add("GET " + p));
    Optional.ofNullable(load.get("ids")).ifPresent(ids -> parts.add("ids " + ids));
    Optional.ofNullable(load.get("connections")).ifPresent(c -> parts.add(c + " connections"));
    Optional.ofNullable(load.get("duration_s")).ifPresent(d -> parts.add(seconds(d) + " s"
        + Optional.ofNullable(load.get("warmup_s")).map(w -> " after " + seconds(w) + " s warm-up").orElse("")));
    Optional.ofNullable(load.get("rate")).ifPresent(r -> parts.add("constant rate " + r + " req/s"));
    load.forEach((key, value) -> {
      if (!STANDARD_LOAD_KEYS.contains(key) && value != null && !value.toString().isBlank()) {
        parts.add(key.replace('_', ' ') + " " + value);
      }
    });
    String tool = m.tool() == null || m.tool().isBlank() ? "" : m.tool() + ": ";
    return tool + String.join(", ", parts);
  }

  /**
   * What each measurement is called in tables and charts, in order: its implementation, numbered (#1, #2, ...)
   * when a scenario records several measurements under one name.
   */
  static List<String> rowLabels(ScenarioResult scenario) {
    List<String> names = scenario.measurements().stream().map(Measurement::implementation).toList();
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      boolean repeated = names.indexOf(name) != names.lastIndexOf(name);
      labels.add(repeated ? name + " #" + (i + 1) : name);
    }
    return labels;
  }

  /** True when the measurements of a scenario ran different loads, so each row must say its own. */
  static boolean loadsDiffer(ScenarioResult scenario) {
    return loads(scenario).size() > 1;
  }

  private static String seconds(Object value) {
    double s = ((Number) value).doubleValue();
    return s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s);
  }

  /** The loads of a scenario's measurements, once each (they are the same unless a scenario varies them). */
  static List<String> loads(ScenarioResult scenario) {
    return scenario.measurements().stream().filter(Measurement::ok).map(ReportView::load).distinct().toList();
  }

  /** A published entry's figures in words, with QPS per core when the source gave its core count. */
  static String publishedFigures(Published p) {
    List<String> parts = new ArrayList<>();
    for (Figure f : p.figures()) {
      parts.add(Cells.inline(f));
      if (f.name().equals(Figure.QPS) && p.cores() > 0) {
        parts.add(Cells.inline(Figure.of(Figure.QPS_PER_CORE, f.value() / p.cores(), f.unit())));
      }
    }
    return String.join(" · ", parts);
  }

  static String status(ScenarioResult scenario) {
    return switch (scenario.status()) {
      case ScenarioResult.OK -> "ran";
      case ScenarioResult.SKIPPED -> "skipped: " + scenario.reason();
      default -> "FAILED: " + scenario.reason();
    };
  }

  /** A figure's rounds for a chart bar; null when the measurement has no such figure. */
  static Spread spread(Measurement m, String name) {
    return m.figure(name).map(Figure::spread).orElse(null);
  }

  /** Why a measurement has no figures: {@code FAILED: <reason>}, or the reason it was not run (a missing toolchain). */
  static String notMeasured(Measurement m) {
    return Measurement.SKIPPED.equals(m.status()) ? m.reason() : "FAILED: " + m.reason();
  }
}
