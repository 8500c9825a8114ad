package dev.showdown.logparse.core;

import java.util.Arrays;

/**
 * A set of byte-string keys in open addressing, the key bytes packed in one arena: no object per key, so
 * 20,000 users cost a few hundred kilobytes and a lookup touches two arrays.
 */
public final class UserSet {
  private static final int EMPTY = -1;
  /**
   * One key for every set of the process: sets are merged by their stored hashes. A keyed hash, because the
   * ids come from clients, who could otherwise send ids that all share a slot and make every add quadratic.
   */
  private static final SipHash13 HASH = SipHash13.randomlyKeyed();

  private byte[] arena = new byte[16 * 1024];
  private int arenaUsed;
  private int[] offsets;
  private int[] lengths;
  private int[] hashes;
  private int size;

  public UserSet() {
    allocateTable(1024);
  }

  public int size() {
    return size;
  }

  /** Adds {@code key[from, from + length)}; returns whether it was new. */
  public boolean add(byte[] key, int from, int length) {
    return add(key, from, length, hash(key, from, length));
  }

  /** Adds every key of {@code other}. */
  public void addAll(UserSet other) {
    for (int slot = 0; slot < other.offsets.length; slot++) {
      if (other.offsets[slot] != EMPTY) {
        add(other.arena, other.offsets[slot], other.lengths[slot], other.hashes[slot]);
      }
    }
  }

  public boolean contains(byte[] key) {
    int hash = hash(key, 0, key.length);
    int mask = offsets.length - 1;
    for (int slot = hash & mask; offsets[slot] != EMPTY; slot = (slot + 1) & mask) {
      if (matches(slot, hash, key, 0, key.length)) {
        return true;
      }
    }
    return false;
  }

  private boolean add(byte[] key, int from, int length, int hash) {
    int mask = offsets.length - 1;
    int slot = hash & mask;
    while (offsets[slot] != EMPTY) {
      if (matches(slot, hash, key, from, length)) {
        return false;
      }
      slot = (slot + 1) & mask;
    }
    if (arenaUsed + length > arena.length) {
      arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaUsed + length));
    }
    System.arraycopy(key, from, arena, arenaUsed, length);
    offsets[slot] = arenaUsed;
    lengths[slot] = length;
    hashes[slot] = hash;
    arenaUsed += length;
    if (++size * 2 > offsets.length) {
      rehash();
    }
    return true;
  }

  private boolean matches(int slot, int hash, byte[] key, int from, int length) {
    int offset = offsets[slot];
    return hashes[slot] == hash && lengths[slot] == length
        && Arrays.equals(arena, offset, offset + length, key, from, from + length);
  }

  private void rehash() {
    int[] oldOffsets = offsets;
    int[] oldLengths = lengths;
    int[] oldHashes = hashes;
    allocateTable(oldOffsets.length * 2);
    int mask = offsets.length - 1;
    for (int old = 0; old < oldOffsets.length; old++) {
      if (oldOffsets[old] != EMPTY) {
        int slot = oldHashes[old] & mask;
        while (offsets[slot] != EMPTY) {
          slot = (slot + 1) & mask;
        }
        offsets[slot] = oldOffsets[old];
        lengths[slot] = oldLengths[old];
        hashes[slot] = oldHashes[old];
      }
    }
  }

  private void allocateTable(int capacity) {
    offsets = new int[capacity];
    Arrays.fill(offsets, EMPTY);
    lengths = new int[capacity];
    hashes = new int[capacity];
  }

  private static int hash(byte[] key, int from, int length) {
    return (int) HASH.hash(key, from, length);
  }
}
