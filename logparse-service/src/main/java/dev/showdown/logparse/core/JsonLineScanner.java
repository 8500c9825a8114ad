package dev.showdown.logparse.core;

import java.util.Arrays;

/**
 * A hand-written validating scanner for one NDJSON line: it walks the bytes once, validates all of the JSON
 * (strict RFC 8259 grammar, strict UTF-8) and remembers only where the last top-level {@code user_id} value
 * lies; nothing is decoded unless the key or the id itself carries escapes. Not thread-safe (scratch state).
 */
public final class JsonLineScanner implements UserIdParser {
  private static final int TRUNCATED = -1;
  private static final int INVALID = -2;
  private static final int BAD_UTF8 = -3;
  private static final int TOO_DEEP = -4;

  private static final int NO_ID = 0;
  private static final int STRING_ID = 1;
  private static final int INTEGER_ID = 2;
  private static final int OTHER_ID = 3;

  private static final byte[] USER_ID = {'u', 's', 'e', 'r', '_', 'i', 'd'};
  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
  private static final byte[] NULL = {'n', 'u', 'l', 'l'};

  /** Open containers below the top-level object: '{' or '['. */
  private final byte[] open = new byte[MAX_DEPTH];
  private byte[] scratch = new byte[256];
  /** Set by {@link #skipString} when the string it just passed holds an escape. */
  private boolean escaped;
  /** Set by {@link #skipNumber}: the number it just passed has no fraction and no exponent. */
  private boolean integral;

  @Override
  public LineVerdict parse(byte[] b, int from, int to, UserSet users) {
    int p = skipWhitespace(b, from, to);
    if (p == to || b[p] != '{') {
      return LineVerdict.NOT_AN_OBJECT;
    }
    int idKind = NO_ID;
    int idFrom = 0;
    int idTo = 0;
    boolean idEscaped = false;
    p = skipWhitespace(b, p + 1, to);
    if (p < to && b[p] == '}') {
      p++;
    } else {
      while (true) {
        if (p >= to) {
          return LineVerdict.TRUNCATED;
        }
        if (b[p] != '"') {
          return LineVerdict.INVALID_JSON;
        }
        int keyFrom = p + 1;
        p = skipString(b, keyFrom, to);
        if (p < 0) {
          return verdict(p);
        }
        boolean isUserId = isUserIdKey(b, keyFrom, p - 1);
        p = skipWhitespace(b, p, to);
        if (p >= to) {
          return LineVerdict.TRUNCATED;
        }
        if (b[p] != ':') {
          return LineVerdict.INVALID_JSON;
        }
        p = skipWhitespace(b, p + 1, to);
        if (p >= to) {
          return LineVerdict.TRUNCATED;
        }
        int valueFrom = p;
        if (!isUserId) {
          p = skipValue(b, p, to);
        } else if (b[p] == '"') {
          p = skipString(b, p + 1, to);
          idKind = STRING_ID;
          idFrom = valueFrom + 1;
          idTo = p - 1;
          idEscaped = escaped;
        } else if (b[p] == '-' || isDigit(b[p])) {
          p = skipNumber(b, p, to);
          idKind = integral ? INTEGER_ID : OTHER_ID;
          idFrom = valueFrom;
          idTo = p;
        } else {
          p = skipValue(b, p, to);
          idKind = OTHER_ID;
        }
        if (p < 0) {
          return verdict(p);
        }
        p = skipWhitespace(b, p, to);
        if (p >= to) {
          return LineVerdict.TRUNCATED;
        }
        if (b[p] == ',') {
          p = skipWhitespace(b, p + 1, to);
        } else if (b[p] == '}') {
          p++;
          break;
        } else {
          return LineVerdict.INVALID_JSON;
        }
      }
    }
    if (skipWhitespace(b, p, to) != to) {
      return LineVerdict.INVALID_JSON;
    }
    switch (idKind) {
      case STRING_ID:
        if (idEscaped) {
          users.add(scratch, 0, decode(b, idFrom, idTo));
        } else {
          users.add(b, idFrom, idTo - idFrom);
        }
        return LineVerdict.COUNTED;
      case INTEGER_ID:
        // -0 is the integer 0: one user, whichever way it is written.
        boolean negativeZero = idTo - idFrom == 2 && b[idFrom] == '-' && b[idFrom + 1] == '0';
        users.add(b, negativeZero ? idFrom + 1 : idFrom, negativeZero ? 1 : idTo - idFrom);
        return LineVerdict.COUNTED;
      case OTHER_ID:
        return LineVerdict.BAD_USER_ID;
      default:
        return LineVerdict.NO_USER_ID;
    }
  }

  private boolean isUserIdKey(byte[] b, int from, int to) {
    if (!escaped) {
      return Arrays.equals(b, from, to, USER_ID, 0, USER_ID.length);
    }
    int length = decode(b, from, to);
    return Arrays.equals(scratch, 0, length, USER_ID, 0, USER_ID.length);
  }

  /** Skips one value starting at {@code p} (not whitespace); returns the index after it or an error code. */
  private int skipValue(byte[] b, int p, int to) {
    int depth = 0;
    while (true) {
      if (p >= to) {
        return TRUNCATED;
      }
      byte c = b[p];
      if (c == '"') {
        p = skipString(b, p + 1, to);
      } else if (c == '{' || c == '[') {
        // The top-level object is one level of MAX_DEPTH.
        if (depth == MAX_DEPTH - 1) {
          return TOO_DEEP;
        }
        open[depth++] = c;
        p = skipWhitespace(b, p + 1, to);
        if (p >= to) {
          return TRUNCATED;
        }
        if (b[p] == closer(c)) {
          p++;
          depth--;
        } else {
          if (c == '{') {
            p = skipKey(b, p, to);
            if (p < 0) {
              return p;
            }
          }
          continue;
        }
      } else if (c == 't') {
        p = skipLiteral(b, p, to, TRUE);
      } else if (c == 'f') {
        p = skipLiteral(b, p, to, FALSE);
      } else if (c == 'n') {
        p = skipLiteral(b, p, to, NULL);
      } else if (c == '-' || isDigit(c)) {
        p = skipNumber(b, p, to);
      } else {
        return INVALID;
      }
      if (p < 0) {
        return p;
      }
      // After a value: close what ends here, or step to the next element.
      while (true) {
        if (depth == 0) {
          return p;
        }
        p = skipWhitespace(b, p, to);
        if (p >= to) {
          return TRUNCATED;
        }
        byte container = open[depth - 1];
        if (b[p] == ',') {
          p = skipWhitespace(b, p + 1, to);
          if (container == '{') {
            p = skipKey(b, p, to);
            if (p < 0) {
              return p;
            }
          }
          break;
        }
        if (b[p] != closer(container)) {
          return INVALID;
        }
        p++;
        depth--;
      }
    }
  }

  /** Skips {@code "key" :} and the whitespace after it; returns where the value starts or an error code. */
  private int skipKey(byte[] b, int p, int to) {
    if (p >= to) {
      return TRUNCATED;
    }
    if (b[p] != '"') {
      return INVALID;
    }
    p = skipString(b, p + 1, to);
    if (p < 0) {
      return p;
    }
    p = skipWhitespace(b, p, to);
    if (p >= to) {
      return TRUNCATED;
    }
    if (b[p] != ':') {
      return INVALID;
    }
    return skipWhitespace(b, p + 1, to);
  }

  /** {@code p} is just after the opening quote; returns the index after the closing quote or an error code. */
  private int skipString(byte[] b, int p, int to) {
    escaped = false;
    while (true) {
      p = ByteScan.skipPlainStringBytes(b, p, to);
      if (p >= to) {
        return TRUNCATED;
      }
      int c = b[p];
      if (c == '"') {
        return p + 1;
      }
      if (c >= 0x20) {
        if (c == '\\') {
          escaped = true;
          p = skipEscape(b, p + 1, to);
          if (p < 0) {
            return p;
          }
        } else {
          p++;
        }
      } else if (c >= 0) {
        return INVALID; // an unescaped control character
      } else {
        p = skipUtf8(b, p, to);
        if (p < 0) {
          return p;
        }
      }
    }
  }

  /** {@code p} is just after a backslash. */
  private static int skipEscape(byte[] b, int p, int to) {
    if (p >= to) {
      return TRUNCATED;
    }
    switch (b[p]) {
      case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
        return p + 1;
      case 'u':
        for (int i = p + 1; i <= p + 4; i++) {
          if (i >= to) {
            return TRUNCATED;
          }
          if (hexValue(b[i]) < 0) {
            return INVALID;
          }
        }
        return p + 5;
      default:
        return INVALID;
    }
  }

  /** Validates one multi-byte UTF-8 sequence at {@code p} (RFC 3629: no overlong forms, no surrogates). */
  private static int skipUtf8(byte[] b, int p, int to) {
    int lead = b[p] & 0xFF;
    int length;
    int low = 0x80;
    int high = 0xBF;
    if (lead < 0xC2) {
      return BAD_UTF8;
    } else if (lead < 0xE0) {
      length = 2;
    } else if (lead < 0xF0) {
      length = 3;
      if (lead == 0xE0) {
        low = 0xA0;
      } else if (lead == 0xED) {
        high = 0x9F;
      }
    } else if (lead < 0xF5) {
      length = 4;
      if (lead == 0xF0) {
        low = 0x90;
      } else if (lead == 0xF4) {
        high = 0x8F;
      }
    } else {
      return BAD_UTF8;
    }
    if (p + length > to) {
      return BAD_UTF8;
    }
    int second = b[p + 1] & 0xFF;
    if (second < low || second > high) {
      return BAD_UTF8;
    }
    for (int i = p + 2; i < p + length; i++) {
      if ((b[i] & 0xC0) != 0x80) {
        return BAD_UTF8;
      }
    }
    return p + length;
  }

  private int skipNumber(byte[] b, int p, int to) {
    integral = true;
    if (b[p] == '-') {
      p++;
    }
    if (p >= to) {
      return TRUNCATED;
    }
    if (b[p] == '0') {
      p++;
    } else if (isDigit(b[p])) {
      p = skipDigits(b, p + 1, to);
    } else {
      return INVALID;
    }
    if (p < to && b[p] == '.') {
      integral = false;
      p = skipRequiredDigits(b, p + 1, to);
      if (p < 0) {
        return p;
      }
    }
    if (p < to && (b[p] == 'e' || b[p] == 'E')) {
      integral = false;
      p++;
      if (p < to && (b[p] == '+' || b[p] == '-')) {
        p++;
      }
      p = skipRequiredDigits(b, p, to);
    }
    return p;
  }

  private static int skipRequiredDigits(byte[] b, int p, int to) {
    if (p >= to) {
      return TRUNCATED;
    }
    if (!isDigit(b[p])) {
      return INVALID;
    }
    return skipDigits(b, p + 1, to);
  }

  private static int skipDigits(byte[] b, int p, int to) {
    while (p < to && isDigit(b[p])) {
      p++;
    }
    return p;
  }

  private static int skipLiteral(byte[] b, int p, int to, byte[] literal) {
    for (byte expected : literal) {
      if (p >= to) {
        return TRUNCATED;
      }
      if (b[p++] != expected) {
        return INVALID;
      }
    }
    return p;
  }

  private static int skipWhitespace(byte[] b, int p, int to) {
    while (p < to) {
      byte c = b[p];
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
        break;
      }
      p++;
    }
    return p;
  }

  /**
   * Decodes the already validated string body {@code b[from, to)} into {@link #scratch} as UTF-8, an escaped
   * surrogate pair as one code point and a lone escaped surrogate as its three-byte (WTF-8) form.
   */
  private int decode(byte[] b, int from, int to) {
    if (scratch.length < to - from) {
      scratch = new byte[Math.max(to - from, scratch.length * 2)];
    }
    int n = 0;
    int i = from;
    while (i < to) {
      byte c = b[i];
      if (c != '\\') {
        scratch[n++] = c;
        i++;
        continue;
      }
      byte escape = b[i + 1];
      i += 2;
      switch (escape) {
        case 'b': scratch[n++] = '\b'; break;
        case 'f': scratch[n++] = '\f'; break;
        case 'n': scratch[n++] = '\n'; break;
        case 'r': scratch[n++] = '\r'; break;
        case 't': scratch[n++] = '\t'; break;
        case 'u':
          int codePoint = hex4(b, i);
          i += 4;
          if (Character.isHighSurrogate((char) codePoint) && i + 6 <= to && b[i] == '\\' && b[i + 1] == 'u') {
            int next = hex4(b, i + 2);
            if (Character.isLowSurrogate((char) next)) {
              codePoint = Character.toCodePoint((char) codePoint, (char) next);
              i += 6;
            }
          }
          n = Wtf8.put(codePoint, scratch, n);
          break;
        default: scratch[n++] = escape; // '"', '\\' or '/'
      }
    }
    return n;
  }

  private static int hex4(byte[] b, int p) {
    return hexValue(b[p]) << 12 | hexValue(b[p + 1]) << 8 | hexValue(b[p + 2]) << 4 | hexValue(b[p + 3]);
  }

  private static int hexValue(byte c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }

  private static byte closer(byte opener) {
    return opener == '{' ? (byte) '}' : (byte) ']';
  }

  private static LineVerdict verdict(int error) {
    switch (error) {
      case TRUNCATED: return LineVerdict.TRUNCATED;
      case BAD_UTF8: return LineVerdict.INVALID_UTF8;
      case TOO_DEEP: return LineVerdict.TOO_DEEP;
      default: return LineVerdict.INVALID_JSON;
    }
  }
}
