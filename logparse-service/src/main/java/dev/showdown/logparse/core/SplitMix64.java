package dev.showdown.logparse.core;

/**
 * SplitMix64 (Steele, Lea, Flood 2014), written out here so that the generator's bytes depend on nothing a
 * JDK release could change.
 */
final class SplitMix64 {
  private long state;

  SplitMix64(long seed) {
    state = seed;
  }

  long nextLong() {
    long z = state += 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Uniform in [0, bound). */
  int nextInt(int bound) {
    return (int) Long.remainderUnsigned(nextLong(), bound);
  }

  /** Uniform in [0, 1) with 53 bits. */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  boolean chance(int perThousand) {
    return nextInt(1000) < perThousand;
  }
}
