package dev.showdown.kit;

import picocli.CommandLine.ITypeConverter;

import java.time.Duration;

/** Lets picocli read durations written as people write them: {@code 10s}, {@code 500ms}, {@code 2m}. */
public final class DurationConverter implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    return Durations.parse(value);
  }
}
