package dev.showdown.bench.push;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PushTallyTest {

  @Test
  void aTickThatStartedBeforeEveryConnectionWasUpDoesNotCountEvenIfNoneWasSeenYet() {
    PushTally tally = new PushTally();
    tally.openWindow(1_000);
    assertThat(tally.received(3, 900, 1_200)).as("seq 3 began before the window").isFalse();
    assertThat(tally.received(4, 1_100, 1_150)).isTrue();
    assertThat(tally.received(5, 2_100, 2_130)).isTrue();
    tally.closeWindow();
    assertThat(tally.ticksCounted()).isEqualTo(2);
    assertThat(tally.latencyMicros().getMaxValue()).isEqualTo(50);
  }

  @Test
  void aTickInsideTheWindowThatNobodyReceivedStillCountsAsExpected() {
    PushTally tally = new PushTally();
    tally.openWindow(1_000);
    tally.received(4, 1_100, 1_150);
    tally.received(6, 3_100, 3_150);
    tally.closeWindow();
    assertThat(tally.ticksCounted()).as("seqs 4, 5 and 6").isEqualTo(3);
  }

  @Test
  void ticksAfterTheWindowClosedDoNotCount() {
    PushTally tally = new PushTally();
    tally.openWindow(1_000);
    tally.received(4, 1_100, 1_150);
    tally.closeWindow();
    assertThat(tally.received(5, 2_100, 2_150)).isFalse();
    assertThat(tally.ticksCounted()).isEqualTo(1);
  }

  @Test
  void theSlowestDeliveryOfEachTickIsKeptInSeqOrder() {
    PushTally tally = new PushTally();
    tally.openWindow(1_000);
    long[][] seqTsNow = {{5, 2_000, 2_030}, {4, 1_100, 1_250}, {4, 1_100, 1_120}, {5, 2_000, 2_090}};
    for (long[] delivery : seqTsNow) {
      tally.received(delivery[0], delivery[1], delivery[2]);
    }
    tally.closeWindow();
    assertThat(tally.slowestPerTickMicros()).as("seq 4 then seq 5").containsExactly(150, 90);
  }

  @Test
  void theFirstCountedTickIsKnownByItsTsAtItsFirstCountedDelivery() {
    PushTally tally = new PushTally();
    tally.openWindow(1_000);
    tally.received(3, 900, 1_200);
    assertThat(tally.firstCountedTick()).as("seq 3 does not count").isNotDone();
    tally.received(4, 1_100, 1_150);
    tally.received(5, 2_100, 2_130);
    assertThat(tally.firstCountedTick()).isCompletedWithValue(1_100L);
  }
}
