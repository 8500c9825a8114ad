package dev.showdown.push;

/** The two protocols a subscriber connects with; each has its own connection gauge. */
public enum Protocol {
  WEBSOCKET("websocket"), TCP("tcp");

  final String label;

  Protocol(String label) {
    this.label = label;
  }
}
