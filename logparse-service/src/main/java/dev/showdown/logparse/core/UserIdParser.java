package dev.showdown.logparse.core;

/**
 * Reads one NDJSON line and adds its top-level {@code user_id} to a set. A user id is keyed by its decoded
 * text in UTF-8 (lone surrogates from {@code \\uXXXX} escapes kept as WTF-8, so keys are equal exactly when the
 * decoded Java strings are); an integer id is keyed by its decimal text. Implementations keep scratch state:
 * one instance per thread.
 */
public interface UserIdParser {
  /** Containers may nest this deep, the top-level object included (Jackson's default limit). */
  int MAX_DEPTH = 1000;

  /** Parses {@code line[from, to)}, which holds no newline; on {@link LineVerdict#COUNTED} the id is in {@code users}. */
  LineVerdict parse(byte[] line, int from, int to, UserSet users);
}
