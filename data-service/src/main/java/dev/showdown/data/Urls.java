package dev.showdown.data;

/** URLs as they may be printed: the user info, which can hold a password, becomes {@code ***}. */
final class Urls {
  private Urls() {
  }

  static String redact(String url) {
    int at = url.lastIndexOf('@');
    int scheme = url.indexOf("://");
    return at < 0 || scheme < 0 || at < scheme ? url : url.substring(0, scheme + 3) + "***" + url.substring(at);
  }
}
