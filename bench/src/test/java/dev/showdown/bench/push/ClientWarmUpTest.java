package dev.showdown.bench.push;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientWarmUpTest {
  private static final long EVERY_PUSH = (long) ClientWarmUp.CONNECTIONS * ClientWarmUp.ROUNDS;

  private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());

  @AfterEach
  void shutDown() {
    group.shutdownGracefully().syncUninterruptibly();
  }

  @Test
  void everyTcpPushOfTheLoopbackServerGoesThroughTheCountingPath() throws Exception {
    assertThat(run("tcp://127.0.0.1:8085")).isEqualTo(EVERY_PUSH);
  }

  @Test
  void everyWebSocketPushOfTheLoopbackServerGoesThroughTheCountingPath() throws Exception {
    assertThat(run("ws://127.0.0.1:8084/push")).isEqualTo(EVERY_PUSH);
  }

  private long run(String url) throws Exception {
    return ClientWarmUp.run(PushTarget.parse(url), group, NioSocketChannel.class, NioServerSocketChannel.class);
  }
}
