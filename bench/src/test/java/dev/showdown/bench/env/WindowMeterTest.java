package dev.showdown.bench.env;

import dev.showdown.bench.result.Figure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** /proc/loadavg and /proc/stat read at a window's start and end: known samples, then this machine's own files. */
class WindowMeterTest {
  // Two samples 10 s apart on a 2-CPU machine at 100 ticks/s: 2000 ticks in all went by.
  private static final String STAT_START = """
      cpu  1000 100 500 8000 200 10 20 70 0 0
      cpu0 500 50 250 4000 100 5 10 35 0 0
      cpu1 500 50 250 4000 100 5 10 35 0 0
      intr 12345
      ctxt 999
      """;
  private static final String STAT_END = """
      cpu  1900 100 700 8700 250 20 30 170 400 0
      cpu0 950 50 350 4350 125 10 15 85 200 0
      cpu1 950 50 350 4350 125 10 15 85 200 0
      intr 12399
      """;

  @Test
  void theMachineLineSplitsIntoWorkIdleAndStealAndCountsCpus() {
    CpuTimes t = CpuTimes.parse(STAT_START);

    assertThat(t).isEqualTo(new CpuTimes(1000 + 100 + 500 + 10 + 20, 8000 + 200, 70, 2));
  }

  @Test
  void aWindowGivesBusyCoresAndStealShareOfItsTicks() {
    MachineWindow w = MachineWindow.between(1.5, 3.25, CpuTimes.parse(STAT_START), CpuTimes.parse(STAT_END));

    // Work 900 + 200 + 10 + 10 = 1120 ticks, idle 750, steal 100: 1970 in all (guest time is inside user).
    assertThat(w.busyCores()).isCloseTo(1120.0 / 1970 * 2, within(1e-9));
    assertThat(w.stealPercent()).isCloseTo(100.0 * 100 / 1970, within(1e-9));
    assertThat(w.figures()).extracting(Figure::name)
        .containsExactly(MachineWindow.LOAD_AVERAGE, MachineWindow.BUSY, MachineWindow.STEAL);
    assertThat(w.figures().get(0).value()).as("the higher load average of the window").isEqualTo(3.25);
  }

  @Test
  void noTicksBetweenTheSamplesLeavesBusyAndStealUnknown() {
    MachineWindow w = MachineWindow.between(1, 1, CpuTimes.parse(STAT_START), CpuTimes.parse(STAT_START));

    assertThat(w.figures()).extracting(Figure::name).containsExactly(MachineWindow.LOAD_AVERAGE);
  }

  @Test
  void theLoadAverageIsTheFirstFieldOfLoadavg() {
    assertThat(WindowMeter.loadAverage("7.42 5.10 3.01 4/812 123456\n")).isEqualTo(7.42);
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void thisMachinesWindowIsWithinItsCores() throws Exception {
    WindowMeter meter = WindowMeter.start();
    long until = System.nanoTime() + 300_000_000L;
    long spins = 0;
    while (System.nanoTime() < until) {
      spins++; // at least this thread is busy during the window
    }
    MachineWindow w = meter.stop();

    assertThat(spins).isPositive();
    assertThat(w.loadAverageStart()).isGreaterThanOrEqualTo(0);
    assertThat(w.busyCores()).isBetween(0.0, (double) Runtime.getRuntime().availableProcessors() + 0.01);
    assertThat(w.busyCores()).isPositive();
    assertThat(w.stealPercent()).isBetween(0.0, 100.0);
  }
}
