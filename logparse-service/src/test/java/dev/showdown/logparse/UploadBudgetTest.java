package dev.showdown.logparse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The budget's arithmetic: shares take within the limit, give back, and close once. */
class UploadBudgetTest {
  @Test
  void sharesTakeOnlyWhatFitsWithTheRoomAskedFor() {
    UploadBudget budget = new UploadBudget(100);
    UploadBudget.Share first = budget.share();
    assertThat(first.tryTake(60, 40)).isTrue();
    assertThat(first.tryTake(1, 40)).isFalse();
    UploadBudget.Share second = budget.share();
    assertThat(second.tryTake(41)).isFalse();
    assertThat(second.tryTake(40)).isTrue();
    assertThat(budget.held()).isEqualTo(100);
    first.give(10);
    assertThat(budget.held()).isEqualTo(90);
    assertThat(second.tryTake(10)).isTrue();
  }

  @Test
  void aClosedShareGivesAllBackOnceAndTakesNothingMore() {
    UploadBudget budget = new UploadBudget(100);
    UploadBudget.Share share = budget.share();
    share.tryTake(30);
    share.tryTake(20);
    share.close();
    assertThat(budget.held()).isZero();
    share.give(20); // a chunk counted after the close: already given back
    share.close();
    assertThat(budget.held()).isZero();
    assertThat(share.tryTake(1)).isFalse();
    assertThat(budget.held()).isZero();
  }
}
