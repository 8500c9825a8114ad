package dev.showdown.push.core;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TickTest {
  @Test
  void theWebSocketFrameIsAFinalTextFrameWithTheLengthInOneByteThenTheMessage() {
    Tick tick = Tick.encode(7, 1_732_412_345_678_901L);

    byte[] frame = ByteBufUtil.getBytes(tick.webSocketFrame());

    assertThat(frame).hasSize(PushMessage.SIZE + 2);
    assertThat(frame[0] & 0xFF).isEqualTo(0x81);
    assertThat(frame[1] & 0xFF).isEqualTo(PushMessage.SIZE);
    assertThat(Arrays.copyOfRange(frame, 2, frame.length)).isEqualTo(tick.message());
  }

  @Test
  void eachConnectionGetsItsOwnViewSoAPartialWriteMovesOnlyItsOwnIndex() {
    Tick tick = Tick.encode(1, 1);
    ByteBuf first = tick.webSocketFrame();
    ByteBuf second = tick.tcpLine();

    first.skipBytes(10);
    second.skipBytes(10);

    assertThat(tick.webSocketFrame().readableBytes()).isEqualTo(PushMessage.SIZE + 2);
    assertThat(tick.tcpLine().readableBytes()).isEqualTo(PushMessage.SIZE + 1);
  }

  @Test
  void aMessageNeedingAnExtendedLengthIsRefused() {
    assertThatThrownBy(() -> Tick.textFrame(new byte[126])).isInstanceOf(IllegalArgumentException.class);
  }
}
