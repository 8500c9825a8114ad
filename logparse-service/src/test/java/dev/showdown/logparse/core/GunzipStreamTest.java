package dev.showdown.logparse.core;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.ZipException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GunzipStreamTest {
  private static final byte[] TEXT = Counting.utf8("{\"user_id\":\"a\"}\n".repeat(5000) + "caf\u00e9");

  @Test
  void inflatesWhateverThePieceSize() throws IOException {
    byte[] gzip = Counting.gzip(TEXT);
    for (int piece : new int[] {1, 7, 512, gzip.length}) {
      assertThat(inflate(gzip, piece)).isEqualTo(TEXT);
    }
  }

  @Test
  void inflatesMembersOneAfterAnother() throws IOException {
    ByteArrayOutputStream both = new ByteArrayOutputStream();
    both.writeBytes(Counting.gzip(TEXT));
    both.writeBytes(Counting.gzip(Counting.utf8("tail")));
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.writeBytes(TEXT);
    expected.writeBytes(Counting.utf8("tail"));
    assertThat(inflate(both.toByteArray(), 100)).isEqualTo(expected.toByteArray());
  }

  @Test
  void readsHeadersWithNameCommentExtraAndHeaderCrc() throws IOException {
    byte[] plain = Counting.gzip(TEXT);
    ByteArrayOutputStream gzip = new ByteArrayOutputStream();
    gzip.writeBytes(new byte[] {0x1F, (byte) 0x8B, 8, 4 | 8 | 16 | 2, 0, 0, 0, 0, 0, 3});
    gzip.writeBytes(new byte[] {3, 0, 'a', 'b', 'c'});
    gzip.writeBytes(Counting.utf8("logs.ndjson\0a comment\0"));
    gzip.writeBytes(new byte[] {0x12, 0x34}); // header CRC: not checked, as java.util.zip does not either
    gzip.write(plain, 10, plain.length - 10);
    assertThat(inflate(gzip.toByteArray(), 3)).isEqualTo(TEXT);
  }

  @Test
  void refusesWhatIsNotGzip() {
    assertThatThrownBy(() -> inflate(Counting.utf8("{\"user_id\":\"a\"}"), 4))
        .isInstanceOf(ZipException.class).hasMessageContaining("not in gzip format");
  }

  @Test
  void refusesACorruptChecksumOrLength() throws IOException {
    byte[] gzip = Counting.gzip(TEXT);
    byte[] badCrc = gzip.clone();
    badCrc[gzip.length - 8] ^= 1;
    assertThatThrownBy(() -> inflate(badCrc, 1000)).hasMessageContaining("CRC");
    byte[] badLength = gzip.clone();
    badLength[gzip.length - 1] ^= 1;
    assertThatThrownBy(() -> inflate(badLength, 1000)).hasMessageContaining("length");
  }

  @Test
  void refusesABodyThatEndsEarly() throws IOException {
    byte[] gzip = Counting.gzip(TEXT);
    for (int length : new int[] {0, 5, 10, gzip.length / 2, gzip.length - 4}) {
      assertThatThrownBy(() -> inflate(Arrays.copyOf(gzip, length), 1000)).isInstanceOf(ZipException.class);
    }
  }

  @Test
  void refusesCorruptDeflateData() throws IOException {
    byte[] gzip = Counting.gzip(TEXT);
    Arrays.fill(gzip, 10, 20, (byte) 0xFF);
    assertThatThrownBy(() -> inflate(gzip, 1000)).isInstanceOf(ZipException.class);
  }

  private static byte[] inflate(byte[] gzip, int piece) throws ZipException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GunzipStream stream = new GunzipStream(window -> {
      assertThat(window.remaining()).isLessThanOrEqualTo(64 * 1024);
      byte[] bytes = new byte[window.remaining()];
      window.get(bytes);
      out.writeBytes(bytes);
    })) {
      for (int at = 0; at < gzip.length; at += piece) {
        stream.feed(ByteBuffer.wrap(gzip, at, Math.min(piece, gzip.length - at)));
      }
      stream.finish();
    }
    return out.toByteArray();
  }
}
