package dev.showdown.kit;

import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.impl.VertxHttpRequestDecoder;

import java.util.List;

/**
 * Vert.x's request decoder plus what RFC 9112 asks of a server and Netty leaves out: a request with an unknown
 * method (501), an HTTP version other than 1.0 and 1.1 (505), or a {@code Host} or framing that
 * {@link RequestFraming} refuses (400) becomes an invalid request, which the kit answers with a JSON error and a
 * closed connection. An unknown method never reaches the metrics, so it cannot add a series or a cache entry there.
 */
final class StrictRequestDecoder extends VertxHttpRequestDecoder {
  /** The method an invalid request carries when its request line could not be read at all. */
  private static final HttpMethod UNREADABLE = HttpMethod.valueOf(MetricLabels.OTHER_METHOD);

  private int hostFields;
  private int transferEncodingFields;

  StrictRequestDecoder(HttpServerOptions options) {
    super(options);
  }

  @Override
  protected HttpMessage createMessage(String[] initialLine) {
    HttpMessage request = super.createMessage(initialLine);
    HttpVersion version = request.protocolVersion();
    if (version.majorVersion() != 1 || version.minorVersion() > 1 || !version.protocolName().equals("HTTP")) {
      throw new RejectedRequest(505, "HTTP version not supported");
    }
    if (!MetricLabels.isStandardMethod(((HttpRequest) request).method().name())) {
      throw new RejectedRequest(501, "method not implemented");
    }
    hostFields = 0;
    transferEncodingFields = 0;
    return request;
  }

  @Override
  protected HttpMessage createInvalidMessage() {
    return new DefaultFullHttpRequest(HttpVersion.HTTP_1_0, UNREADABLE, "/");
  }

  /** Counts the fields the framing rules need while the decoder splits each header line anyway. */
  @Override
  protected AsciiString splitHeaderName(byte[] line, int start, int length) {
    AsciiString name = super.splitHeaderName(line, start, length);
    if (HttpHeaderNames.HOST.contentEqualsIgnoreCase(name)) {
      hostFields++;
    } else if (HttpHeaderNames.TRANSFER_ENCODING.contentEqualsIgnoreCase(name)) {
      transferEncodingFields++;
    }
    return name;
  }

  /**
   * The one hook that runs once per request with every header read and before the decoder decides how to read the
   * body: a rejection thrown here makes the decoder emit the request as invalid and skip what follows.
   */
  @Override
  protected boolean isContentAlwaysEmpty(HttpMessage message) {
    // Looked up only for the rare request that names a transfer coding; the rest pay two int compares.
    boolean coded = transferEncodingFields > 0;
    List<String> codings = coded
        ? RequestFraming.codings(message.headers().getAll(HttpHeaderNames.TRANSFER_ENCODING))
        : List.of();
    boolean contentLength = coded && message.headers().contains(HttpHeaderNames.CONTENT_LENGTH);
    RejectedRequest rejected = RequestFraming.check(message.protocolVersion().minorVersion() == 0, hostFields,
        contentLength, codings);
    if (rejected != null) {
      throw rejected;
    }
    return super.isContentAlwaysEmpty(message);
  }
}
