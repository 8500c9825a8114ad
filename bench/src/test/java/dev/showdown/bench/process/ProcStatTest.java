package dev.showdown.bench.process;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ProcStatTest {

  @Test
  void rssFromStatusInKilobytes() {
    String status = "Name:\tjava\nVmPeak:\t 5000000 kB\nVmRSS:\t  123456 kB\nRssAnon:\t 100000 kB\n";
    assertThat(ProcStat.rssBytes(status)).isEqualTo(123_456L * 1024);
  }

  @Test
  void pssFromSmapsRollupNotItsAnonOrFileParts() {
    String rollup = "5595e0a1c000-7ffd5b7e6000 ---p 00000000 00:00 0  [rollup]\nRss:\t  200000 kB\n"
        + "Pss:\t  150000 kB\nPss_Anon:\t 90000 kB\nPss_File:\t 60000 kB\n";
    assertThat(ProcStat.pssBytes(rollup)).isEqualTo(150_000L * 1024);
    assertThat(ProcStat.pssBytes("Rss:\t 1 kB\n")).isEqualTo(-1);
  }

  @Test
  void noRssLineMeansUnknown() {
    assertThat(ProcStat.rssBytes("Name:\tzombie\nState:\tZ (zombie)\n")).isEqualTo(-1);
  }

  @Test
  void cpuTicksSurviveSpacesAndParenthesesInTheName() {
    String stat = "4242 (my (odd) name) S 1 4242 4242 0 -1 4194560 500 0 0 0 1234 567 0 0 20 0 30 0 100 0 0";
    assertThat(ProcStat.cpuTicks(stat)).isEqualTo(1234 + 567);
  }

  @Test
  void readsThisProcess() throws IOException {
    Path self = Path.of("/proc/self");
    assertThat(ProcStat.rssBytes(Files.readString(self.resolve("status")))).isPositive();
    assertThat(ProcStat.cpuTicks(Files.readString(self.resolve("stat")))).isNotNegative();
  }
}
