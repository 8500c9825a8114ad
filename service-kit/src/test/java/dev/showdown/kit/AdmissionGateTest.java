package dev.showdown.kit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdmissionGateTest {

  @Test
  void admitsUpToCapacityThenRefusesUntilAPlaceIsReleased() {
    AdmissionGate gate = new AdmissionGate(2);
    assertThat(gate.tryAdmit()).isTrue();
    assertThat(gate.tryAdmit()).isTrue();
    assertThat(gate.tryAdmit()).isFalse();
    assertThat(gate.admitted()).isEqualTo(2);

    gate.release();
    assertThat(gate.tryAdmit()).isTrue();
    assertThat(gate.tryAdmit()).isFalse();
  }

  @Test
  void neverAdmitsMoreThanCapacityUnderContention() throws InterruptedException {
    AdmissionGate gate = new AdmissionGate(3);
    int[] admittedByThread = new int[8];
    Thread[] threads = new Thread[admittedByThread.length];
    for (int t = 0; t < threads.length; t++) {
      int index = t;
      threads[t] = new Thread(() -> {
        for (int i = 0; i < 10_000; i++) {
          if (gate.tryAdmit()) {
            admittedByThread[index]++;
          }
        }
      });
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    int total = 0;
    for (int count : admittedByThread) {
      total += count;
    }
    assertThat(total).isEqualTo(3);
  }
}
