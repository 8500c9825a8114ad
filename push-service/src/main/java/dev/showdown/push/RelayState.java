package dev.showdown.push;

/** Whether a node hears the cluster: what {@code /health} reports as {@code "relay"}. */
enum RelayState {
  /** Redis confirmed the subscription: broadcasts from every node arrive. */
  SUBSCRIBED("subscribed"),
  /** Not subscribed (yet, or any more): attempts continue, with backoff, until Redis confirms one. */
  CONNECTING("connecting");

  final String label;

  RelayState(String label) {
    this.label = label;
  }
}
