package dev.showdown.logparse.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes the standard NDJSON access log: lines of about 500 bytes whose top-level user_id follows a skewed
 * distribution over {@link #USER_POOL} users, with nested objects and arrays that hold their own user_id keys
 * (which must not count), escapes and non-ASCII text, a user written in several equivalent ways (raw, with
 * {@code \\uXXXX} escapes, an integer or its decimal string), a few lines whose top-level key is repeated (the
 * last one counts) and a few with no top-level user_id at all. Same seed, same bytes: only integer arithmetic
 * and a hand-written PRNG decide them.
 */
public final class LogGenerator {
  /** Users the skewed draw picks from; 100,000 lines meet about 20,000 of them. */
  public static final int USER_POOL = 21_000;

  private static final long BASE_MILLIS = 1_735_689_600_000L; // 2025-01-01T00:00:00Z
  private static final String[] METHODS = {"GET", "GET", "GET", "POST", "PUT", "DELETE"};
  private static final int[] STATUSES = {200, 200, 200, 200, 201, 204, 301, 304, 400, 404, 500, 503};
  private static final String[] PATHS = {"/api/v1/items/", "/api/v1/users/", "/checkout/cart/", "/search?q=caf\u00e9&page=", "/static/img/"};
  private static final String[] AGENTS = {
      "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0",
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5) Mobile",
      "curl/8.8.0 \"scripted\" \\ batch",
      "Mozilla/5.0 (Windows NT 10.0; rv:127.0) Firefox/127.0",
  };
  private static final String[] CITIES = {"Berlin", "S\u00e3o Paulo", "M\u00fcnchen", "\u6771\u4eac", "Z\u00fcrich", "Lyon"};
  private static final String[] MESSAGES = {
      "said \"hello\" from C:\\Users\\guest",
      "line one\nline two\ttabbed",
      "caf\u00e9 cr\u00e8me \u2603 snowman",
      "emoji \ud83d\ude00 and \"quotes\"",
      "plain request served",
  };

  private final SplitMix64 random;
  private final StringBuilder line = new StringBuilder(768);
  private long lineNumber;

  public LogGenerator(long seed) {
    random = new SplitMix64(seed);
  }

  /** Writes {@code lines} lines, each ending with a newline. */
  public void write(long lines, OutputStream out) throws IOException {
    for (long i = 0; i < lines; i++) {
      out.write(nextLine().getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The next line, newline included. */
  String nextLine() {
    lineNumber++;
    line.setLength(0);
    int user = skewedUser();
    boolean noTopLevelId = random.chance(1);
    boolean repeatedId = random.chance(5);
    int order = random.nextInt(3);
    line.append('{');
    field("ts").append('"').append(java.time.Instant.ofEpochMilli(BASE_MILLIS + lineNumber * 37 + random.nextInt(37))).append('"');
    if (order == 0 && !noTopLevelId) {
      userId(user, repeatedId);
    }
    field("session").append('"').append(Long.toHexString(random.nextLong() | Long.MIN_VALUE)).append('"');
    field("ip").append("\"10.").append(random.nextInt(256)).append('.').append(random.nextInt(256)).append('.')
        .append(random.nextInt(256)).append('"');
    field("method").append('"').append(METHODS[random.nextInt(METHODS.length)]).append('"');
    field("path");
    string(PATHS[random.nextInt(PATHS.length)] + random.nextInt(100_000), false);
    field("status").append(STATUSES[random.nextInt(STATUSES.length)]);
    int micros = random.nextInt(2_000_000);
    field("latency_ms").append(micros / 1000).append('.').append(Integer.toString(1000 + micros % 1000), 1, 4);
    field("bytes").append(random.nextInt(1 << 20));
    if (order == 1 && !noTopLevelId) {
      userId(user, repeatedId);
    }
    field("ua");
    string(AGENTS[random.nextInt(AGENTS.length)], false);
    field("ref").append("\"https:\\/\\/ex.com\\/p\\/").append(random.nextInt(10_000)).append('"');
    field("geo").append('{');
    field("city");
    string(CITIES[random.nextInt(CITIES.length)], random.chance(200));
    line.append(",\"at\":[").append(random.nextInt(90)).append(",-").append(random.nextInt(180)).append("]},");
    // Nested user_id keys, in objects and in arrays of objects: they must never count.
    line.append("\"ctx\":{\"actor\":{\"user_id\":");
    string("svc-" + random.nextInt(500), false);
    line.append(",\"roles\":[\"reader\",{\"user_id\":");
    string(userText(skewedUser()), false);
    line.append(",\"scopes\":[[],{}]}]},\"trace\":[\"").append(Long.toHexString(random.nextLong() >>> 32)).append("\",null,true,1e3]}");
    field("mentions").append("[{\"user_id\":").append(1_000_000 + random.nextInt(1000)).append("}]");
    field("msg");
    string(MESSAGES[random.nextInt(MESSAGES.length)], random.chance(100));
    if (order == 2 && !noTopLevelId) {
      userId(user, repeatedId);
    }
    return line.append("}\n").toString();
  }

  /** Index in [0, USER_POOL): squaring a uniform draw favours low indexes (a few heavy users, a long tail). */
  private int skewedUser() {
    double u = random.nextDouble();
    return (int) (u * u * USER_POOL);
  }

  private void userId(int user, boolean repeated) {
    if (repeated) {
      // A decoy first: with a repeated key the last value is the one a JSON parser keeps.
      field("user_id");
      string("decoy-" + random.nextInt(1000), false);
    }
    field("user_id");
    String text = userText(user);
    if (user % 61 == 0 && random.chance(500)) {
      line.append(text); // numeric ids sometimes come as the integer itself
    } else {
      string(text, random.chance(100));
    }
  }

  /** The user's canonical id: mostly {@code u01234}, some with quotes, backslashes, non-ASCII or only digits. */
  private static String userText(int user) {
    if (user % 61 == 0) {
      return Integer.toString(1_000_000 + user);
    }
    String base = String.format(java.util.Locale.ROOT, "u%05d", user);
    if (user % 97 == 0) {
      return base + "\"q";
    }
    if (user % 89 == 0) {
      return base + "\\b";
    }
    if (user % 83 == 0) {
      return "\u00fc" + base;
    }
    if (user % 79 == 0) {
      return "\u7528\u6237" + base;
    }
    if (user % 73 == 0) {
      return base + "\ud83d\ude00";
    }
    return base;
  }

  private StringBuilder field(String name) {
    char last = line.charAt(line.length() - 1);
    if (last != '{' && last != ',') {
      line.append(',');
    }
    return line.append('"').append(name).append("\":");
  }

  /** Appends a JSON string; {@code escapeMore} also writes letters and non-ASCII as {@code \\uXXXX}. */
  private void string(String text, boolean escapeMore) {
    line.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        line.append('\\').append(c);
      } else if (c == '\n') {
        line.append("\\n");
      } else if (c == '\t') {
        line.append("\\t");
      } else if (c < 0x20 || (escapeMore && (c >= 0x80 || (i == 0 && Character.isLetter(c))))) {
        line.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        line.append(c);
      }
    }
    line.append('"');
  }
}
