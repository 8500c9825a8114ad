package dev.showdown.bench.compare;

/** What one headline figure did from run A to run B. */
public enum Verdict {
  /** Worse by more than the threshold even between the two runs' closest rounds (so their ranges are apart): a regression. */
  WORSE,
  /** Ok in A, failed in B: a regression with no number. */
  FAILED,
  BETTER,
  /** The ranges of A and B overlap: no change can be claimed either way. */
  WITHIN_NOISE,
  /** The ranges are apart, but their closest rounds differ by no more than the threshold. */
  WITHIN_THRESHOLD,
  /** Measured in A only (B skipped it or never measured this implementation). */
  NOT_IN_B,
  /** Measured in B only, failed in A, or zero in A: nothing to compare with. */
  NOT_IN_A;

  public boolean regression() {
    return this == WORSE || this == FAILED;
  }
}
