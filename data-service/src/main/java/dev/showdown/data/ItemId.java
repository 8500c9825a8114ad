package dev.showdown.data;

import dev.showdown.kit.Digits;

/** The {@code {id}} of {@code /data/{id}} and {@code /user/{id}}: a positive decimal that fits in a long. */
final class ItemId {
  static final long INVALID = Digits.INVALID;
  static final String RULE = "id must be an integer in 1.." + Long.MAX_VALUE;

  private ItemId() {
  }

  static long parse(String text) {
    long id = text == null ? INVALID : Digits.parseBounded(text, Long.MAX_VALUE);
    return id == 0 ? INVALID : id;
  }
}
