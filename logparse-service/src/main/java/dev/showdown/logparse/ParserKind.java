package dev.showdown.logparse;

import java.util.function.Supplier;

/** The line parsers to choose from: the hand-written scanner (the default) or Jackson's streaming parser. */
public enum ParserKind {
  SCANNER(JsonLineScanner::new),
  JACKSON(JacksonUserIdParser::new);

  private final Supplier<UserIdParser> factory;

  ParserKind(Supplier<UserIdParser> factory) {
    this.factory = factory;
  }

  public Supplier<UserIdParser> factory() {
    return factory;
  }
}
