package dev.showdown.logparse.core;

import java.util.Locale;
import java.util.function.Supplier;

/** The line parsers to choose from: the hand-written scanner (the default) or Jackson's streaming parser. */
public enum ParserKind {
  SCANNER,
  JACKSON;

  /** A new parser per call; Jackson's classes load only when it is chosen (they cost a cold run time). */
  public Supplier<UserIdParser> factory() {
    return this == SCANNER ? JsonLineScanner::new : ParserKind::jackson;
  }

  public static ParserKind of(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }

  private static UserIdParser jackson() {
    return new JacksonUserIdParser();
  }
}
