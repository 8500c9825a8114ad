package dev.showdown.logparse.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What a count found over a run of lines: records, errors (the first few with their line numbers), users. */
public final class Tally {
  /** How many errors are kept with their line numbers. */
  public static final int FIRST_ERRORS = 10;

  /** One error line, numbered from 1 in the whole input (blank lines included). */
  public record LineError(long line, LineVerdict verdict) {
  }

  private final UserSet users;
  private final List<LineError> firstErrors = new ArrayList<>();
  private long physicalLines;
  private long records;
  private long errors;

  public Tally() {
    this(new UserSet());
  }

  Tally(UserSet users) {
    this.users = users;
  }

  /** Non-blank lines. */
  public long lines() {
    return records;
  }

  public long errors() {
    return errors;
  }

  public int uniqueUsers() {
    return users.size();
  }

  public UserSet users() {
    return users;
  }

  public List<LineError> firstErrors() {
    return Collections.unmodifiableList(firstErrors);
  }

  /** Lines seen, blank ones included: what line numbers count. */
  public long physicalLines() {
    return physicalLines;
  }

  void blankLine() {
    physicalLines++;
  }

  /** Records one non-blank line; returns its line number. */
  long record(LineVerdict verdict) {
    physicalLines++;
    records++;
    if (verdict != LineVerdict.COUNTED) {
      error(physicalLines, verdict);
    }
    return physicalLines;
  }

  /** Appends the tally of the lines that directly follow these. */
  public void append(Tally next) {
    users.addAll(next.users);
    for (LineError error : next.firstErrors) {
      error(physicalLines + error.line(), error.verdict());
    }
    // Errors past the kept few in `next` are counted but carry no line number.
    errors += next.errors - next.firstErrors.size();
    records += next.records;
    physicalLines += next.physicalLines;
  }

  private void error(long line, LineVerdict verdict) {
    errors++;
    if (firstErrors.size() < FIRST_ERRORS) {
      firstErrors.add(new LineError(line, verdict));
    }
  }
}
