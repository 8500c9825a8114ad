package dev.showdown.bench.verify;

/**
 * Checks one running implementation of a scenario against docs/contract.md, before it is measured. A verifier
 * never throws for what the implementation does: a refused connection or a wrong answer is a failed check.
 */
public interface Verifier {
  Verification verify();
}
