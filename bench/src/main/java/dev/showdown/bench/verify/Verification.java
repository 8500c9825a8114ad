package dev.showdown.bench.verify;

import java.util.List;
import java.util.Optional;

/**
 * What checking one implementation against docs/contract.md found: every check made, in order. It passed when
 * all did; otherwise {@link #reason()} gives the first difference.
 *
 * @param subject what was checked, e.g. {@code fib http://127.0.0.1:8081}
 */
public record Verification(String subject, List<Check> checks) {
  public Verification {
    checks = List.copyOf(checks);
  }

  public boolean passed() {
    return !checks.isEmpty() && checks.stream().allMatch(Check::passed);
  }

  public Optional<Check> firstFailure() {
    return checks.stream().filter(c -> !c.passed()).findFirst();
  }

  /** Why it failed, in one line: the first failed check with expected and got. */
  public String reason() {
    return firstFailure()
        .map(c -> "failed verification against docs/contract.md: " + c.name() + ": expected " + c.expected()
            + ", got " + c.got())
        .orElse(checks.isEmpty() ? "failed verification: nothing was checked" : "passed");
  }

  /** One line per check, then the verdict. */
  public List<String> lines() {
    List<String> lines = new java.util.ArrayList<>();
    lines.add(subject);
    checks.forEach(c -> lines.add("  " + c.describe()));
    lines.add("  => " + (passed() ? "passed (" + checks.size() + (checks.size() == 1 ? " check)" : " checks)") : "FAILED"));
    return lines;
  }
}
