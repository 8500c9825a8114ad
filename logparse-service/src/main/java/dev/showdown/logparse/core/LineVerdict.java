package dev.showdown.logparse.core;

/** What became of one non-blank line: counted, or the reason it is an error. */
public enum LineVerdict {
  COUNTED("counted"),
  NOT_AN_OBJECT("not a JSON object"),
  INVALID_JSON("invalid JSON"),
  TRUNCATED("truncated JSON"),
  INVALID_UTF8("invalid UTF-8"),
  TOO_DEEP("nesting deeper than " + UserIdParser.MAX_DEPTH),
  NO_USER_ID("no top-level user_id"),
  BAD_USER_ID("user_id is not a string or an integer"),
  TOO_LONG("line longer than the limit");

  private final String reason;

  LineVerdict(String reason) {
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
