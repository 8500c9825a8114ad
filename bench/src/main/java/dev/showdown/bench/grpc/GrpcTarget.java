package dev.showdown.bench.grpc;

/** A UserService address, {@code host:port}; {@code http://host:port} is accepted too (plaintext HTTP/2). */
public record GrpcTarget(String host, int port) {

  public static GrpcTarget parse(String text) {
    String address = text.replaceFirst("^(http|grpc)://", "").replaceFirst("/$", "");
    int colon = address.lastIndexOf(':');
    int port = colon < 0 ? -1 : parsePort(address.substring(colon + 1));
    if (colon <= 0 || port < 1 || port > 65_535) {
      throw new IllegalArgumentException("'" + text + "' is not host:port");
    }
    String host = address.substring(0, colon);
    return new GrpcTarget(host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host, port);
  }

  private static int parsePort(String digits) {
    return digits.matches("\\d{1,5}") ? Integer.parseInt(digits) : -1;
  }

  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
