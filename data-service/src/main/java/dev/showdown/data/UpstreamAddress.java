package dev.showdown.data;

import dev.showdown.kit.SecretUrls;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.net.URI;
import java.net.URISyntaxException;

/** Where the upstream API lives, parsed once from {@code --upstream} (e.g. {@code http://10.0.0.5:8090/api}). */
record UpstreamAddress(boolean ssl, String host, int port, String basePath) {

  static UpstreamAddress parse(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: '" + SecretUrls.masked(url) + "'");
    }
    String scheme = uri.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
      throw new IllegalArgumentException("expected http://host[:port][/path], got '" + SecretUrls.masked(url) + "'");
    }
    if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "the upstream URL takes no user info, query or fragment: '" + SecretUrls.masked(url) + "'");
    }
    boolean ssl = "https".equals(scheme);
    int port = uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80;
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    return new UpstreamAddress(ssl, uri.getHost(), port, path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
  }

  /** The request URI of item {@code id}: {@code <basePath>/items/<id>}. */
  String itemPath(long id) {
    return basePath + "/items/" + id;
  }

  @Override
  public String toString() {
    return (ssl ? "https://" : "http://") + host + ':' + port + basePath;
  }

  /** Lets picocli reject a bad {@code --upstream} with the reason alone (picocli would quote the raw value). */
  static final class Converter implements ITypeConverter<UpstreamAddress> {
    @Override
    public UpstreamAddress convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
