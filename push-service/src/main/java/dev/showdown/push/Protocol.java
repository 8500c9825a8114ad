package dev.showdown.push;

/** The two ways a client listens; each has its own connection gauge. */
public enum Protocol {
  WEBSOCKET("websocket"), TCP("tcp");

  final String label;

  Protocol(String label) {
    this.label = label;
  }
}
