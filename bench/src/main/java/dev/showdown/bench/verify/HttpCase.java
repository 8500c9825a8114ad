package dev.showdown.bench.verify;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request of the contract and the answer it must get: the status, {@code Content-Type: application/json},
 * and a body by {@link BodyRule}.
 *
 * @param body     bytes to send, or null
 * @param bodyFile a file to send instead (the standard log for {@code POST /uv}), or null
 */
public record HttpCase(String method, String path, Map<String, String> headers, byte[] body, Path bodyFile,
                       int status, BodyRule rule) {

  public static HttpCase get(String path, int status, BodyRule rule) {
    return new HttpCase("GET", path, Map.of(), null, null, status, rule);
  }

  public static HttpCase post(String path, int status, BodyRule rule) {
    return new HttpCase("POST", path, Map.of(), null, null, status, rule);
  }

  public HttpCase withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new HttpCase(method, path, Map.copyOf(more), body, bodyFile, status, rule);
  }

  public HttpCase withBody(byte[] bytes) {
    return new HttpCase(method, path, headers, bytes, null, status, rule);
  }

  public HttpCase withFile(Path file) {
    return new HttpCase(method, path, headers, null, file, status, rule);
  }

  /** How a check of this case is named: {@code GET /fib/41} or {@code POST /uv (Content-Encoding: br)}. */
  public String name() {
    String sent = bodyFile != null ? " " + bodyFile.getFileName() : "";
    String with = headers.isEmpty() ? "" : " " + headers.toString().replace('=', ':').replace("{", "(").replace("}", ")");
    return method + " " + path + sent + with;
  }

  /** What the answer must be, in words. */
  public String expected() {
    return status + ", application/json, " + rule.describe();
  }
}
