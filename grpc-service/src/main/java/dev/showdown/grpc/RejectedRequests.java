package dev.showdown.grpc;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

import java.lang.System.Logger.Level;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests refused before any service saw them: counted by reason for {@code /metrics}, and logged once per
 * kind. A client can send such requests by the thousand for a few bytes each; a log entry for every one would
 * make the log itself the attack.
 */
final class RejectedRequests {
  /** Why a request was refused; the {@code reason} tag of {@code grpc_requests_rejected_total}. */
  enum Reason {
    /** The message is not the method's request type. */
    unparseable,
    /** grpc-netty refused the gRPC framing: a message over {@code --max-message-size}, a bad compression flag. */
    bad_frame
  }

  static final String METER = "grpc.requests.rejected";

  private static final System.Logger LOG = System.getLogger(RejectedRequests.class.getName());
  /** Kinds are fixed texts, but the set stays bounded whatever a client finds. */
  private static final int MAX_KINDS_LOGGED = 64;

  private final Map<Reason, LongAdder> counts = new EnumMap<>(Reason.class);
  private final Set<String> kindsLogged = ConcurrentHashMap.newKeySet();

  RejectedRequests() {
    for (Reason reason : Reason.values()) {
      counts.put(reason, new LongAdder());
    }
  }

  /** Counts one refusal; the first of each {@code kind} is logged with {@code detail}. */
  void refused(Reason reason, String kind, String detail) {
    counts.get(reason).increment();
    if (kindsLogged.size() < MAX_KINDS_LOGGED && kindsLogged.add(reason + " " + kind)) {
      LOG.log(Level.WARNING, () -> "refused a request (" + reason + "): " + detail
          + "; more of this kind are only counted in grpc_requests_rejected_total");
    }
  }

  long count(Reason reason) {
    return counts.get(reason).sum();
  }

  /** Publishes the counts as {@code grpc_requests_rejected_total{reason}} beside the kit's meters. */
  void bindTo(MeterRegistry registry) {
    counts.forEach((reason, count) -> FunctionCounter.builder(METER, count, LongAdder::sum)
        .description("Requests refused before any service saw them, by reason")
        .tag("reason", reason.name())
        .register(registry));
  }
}
