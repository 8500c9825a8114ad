package dev.showdown.push.core;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EncodedPushTest {
  @Test
  void theWebSocketFrameIsAFinalTextFrameWithTheLengthInOneByteThenTheMessage() {
    EncodedPush push = EncodedPush.encode(7, 1_732_412_345_678_901L);

    byte[] frame = ByteBufUtil.getBytes(push.webSocketFrame());

    assertThat(frame).hasSize(PushMessage.SIZE + 2);
    assertThat(frame[0] & 0xFF).isEqualTo(0x81);
    assertThat(frame[1] & 0xFF).isEqualTo(PushMessage.SIZE);
    assertThat(Arrays.copyOfRange(frame, 2, frame.length)).isEqualTo(push.message());
  }

  @Test
  void eachConnectionGetsItsOwnViewSoAPartialWriteMovesOnlyItsOwnIndex() {
    EncodedPush push = EncodedPush.encode(1, 1);
    ByteBuf first = push.webSocketFrame();
    ByteBuf second = push.tcpLine();

    first.skipBytes(10);
    second.skipBytes(10);

    assertThat(push.webSocketFrame().readableBytes()).isEqualTo(PushMessage.SIZE + 2);
    assertThat(push.tcpLine().readableBytes()).isEqualTo(PushMessage.SIZE + 1);
  }

  @Test
  void aMessageNeedingAnExtendedLengthIsRefused() {
    assertThatThrownBy(() -> EncodedPush.textFrame(new byte[126])).isInstanceOf(IllegalArgumentException.class);
  }
}
