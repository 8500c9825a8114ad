package dev.showdown.logparse.core;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.SecureRandom;

/**
 * SipHash-1-3 (Aumasson and Bernstein; one compression and three finalisation rounds, the variant Rust's
 * and CPython's hash tables use): a keyed hash whose collisions cannot be chosen without the key, so ids
 * sent by a client cannot all be made to land in one chain of the user set.
 */
final class SipHash13 {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final long k0;
  private final long k1;

  SipHash13(long k0, long k1) {
    this.k0 = k0;
    this.k1 = k1;
  }

  /** A hash with a key of 128 random bits, drawn anew in every process. */
  static SipHash13 randomlyKeyed() {
    byte[] key = randomKey();
    return new SipHash13((long) LONGS.get(key, 0), (long) LONGS.get(key, 8));
  }

  long hash(byte[] b, int from, int length) {
    long v0 = k0 ^ 0x736f6d6570736575L;
    long v1 = k1 ^ 0x646f72616e646f6dL;
    long v2 = k0 ^ 0x6c7967656e657261L;
    long v3 = k1 ^ 0x7465646279746573L;
    int end = from + length;
    // Whole eight-byte words, then one word of the last 0 to 7 bytes with the length in its top byte.
    for (int i = from; ; i += Long.BYTES) {
      boolean last = i > end - Long.BYTES;
      long m = last ? tail(b, i, end, length) : (long) LONGS.get(b, i);
      v3 ^= m;
      v0 += v1; v2 += v3; v1 = Long.rotateLeft(v1, 13); v3 = Long.rotateLeft(v3, 16);
      v1 ^= v0; v3 ^= v2; v0 = Long.rotateLeft(v0, 32);
      v2 += v1; v0 += v3; v1 = Long.rotateLeft(v1, 17); v3 = Long.rotateLeft(v3, 21);
      v1 ^= v2; v3 ^= v0; v2 = Long.rotateLeft(v2, 32);
      v0 ^= m;
      if (last) {
        break;
      }
    }
    v2 ^= 0xff;
    for (int round = 0; round < 3; round++) {
      v0 += v1; v2 += v3; v1 = Long.rotateLeft(v1, 13); v3 = Long.rotateLeft(v3, 16);
      v1 ^= v0; v3 ^= v2; v0 = Long.rotateLeft(v0, 32);
      v2 += v1; v0 += v3; v1 = Long.rotateLeft(v1, 17); v3 = Long.rotateLeft(v3, 21);
      v1 ^= v2; v3 ^= v0; v2 = Long.rotateLeft(v2, 32);
    }
    return v0 ^ v1 ^ v2 ^ v3;
  }

  /** The last 0 to 7 bytes {@code b[from, end)} as the low bytes of a word, the length in its top byte. */
  private static long tail(byte[] b, int from, int end, int length) {
    long word = (long) length << 56;
    int count = end - from;
    if (count > 0 && end >= Long.BYTES) {
      // One read of the word that ends where the key ends; the bytes before the tail are shifted out.
      return word | (long) LONGS.get(b, end - Long.BYTES) >>> (Long.SIZE - Byte.SIZE * count);
    }
    for (int i = from, shift = 0; i < end; i++, shift += 8) {
      word |= (b[i] & 0xFFL) << shift;
    }
    return word;
  }

  /**
   * The kernel's random source, read directly: setting up SecureRandom's providers would add tens of
   * milliseconds to a cold {@code uv} run. SecureRandom only where there is no {@code /dev/urandom}.
   */
  private static byte[] randomKey() {
    byte[] key = new byte[16];
    try (InputStream urandom = new FileInputStream("/dev/urandom")) {
      if (urandom.readNBytes(key, 0, key.length) == key.length) {
        return key;
      }
    } catch (IOException noUrandom) {
      // Not a Unix-like system: fall through to SecureRandom.
    }
    new SecureRandom().nextBytes(key);
    return key;
  }
}
