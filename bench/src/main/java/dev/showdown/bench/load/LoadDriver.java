package dev.showdown.bench.load;

import java.net.URI;

/** Something that puts an {@link HttpLoad} on a base URL: wrk, or the built-in generator. */
public interface LoadDriver {
  /** {@code wrk} or {@code builtin}, as recorded in results.json. */
  String name();

  /** Warms up, then measures; {@code listener} hears the phases so a sampler and progress can follow. */
  LoadResult run(URI base, HttpLoad load, LoadListener listener) throws Exception;
}
