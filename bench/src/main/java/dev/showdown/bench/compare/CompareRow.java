package dev.showdown.bench.compare;

import dev.showdown.bench.result.Figure;
import dev.showdown.bench.result.Headline;
import dev.showdown.bench.stats.Change;

import java.util.Optional;

/**
 * One headline figure of one measurement in run A and in run B. {@code before} or {@code after} is empty where
 * that run has no such figure; {@code change} is empty unless both have it. {@code note} says what makes the two
 * less comparable (another load tool), or is empty.
 */
public record CompareRow(
    String scenario,
    String measurement,
    Headline headline,
    Optional<Figure> before,
    Optional<Figure> after,
    Optional<Change> change,
    Verdict verdict,
    String note) {
}
