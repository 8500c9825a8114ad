package dev.showdown.kit;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;

/** Lets picocli read durations written as people write them: {@code 10s}, {@code 500ms}, {@code 2m}. */
public final class DurationConverter implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    try {
      return Durations.parse(value);
    } catch (IllegalArgumentException e) {
      // picocli prints a TypeConversionException's message as it is, other exceptions with their class name.
      throw new TypeConversionException(e.getMessage());
    }
  }
}
