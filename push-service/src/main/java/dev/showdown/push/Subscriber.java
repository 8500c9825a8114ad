package dev.showdown.push;

import dev.showdown.push.core.EncodedPush;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.ReferenceCountUtil;

/**
 * One open connection as its shard sees it: a bare Netty channel, where a push goes, and since when its write
 * queue has been full. Touched only on its shard's event loop.
 */
abstract class Subscriber {
  /** Position in the shard's array, for removal in constant time; -1 once removed. */
  int index = -1;
  /** {@link System#nanoTime()} when a push first found the write queue full; 0 while it drains. */
  long fullSinceNanos;

  final Channel channel;

  Subscriber(Channel channel) {
    this.channel = channel;
  }

  abstract Protocol protocol();

  /** The channel's write-buffer high-water mark is the write queue, so "full" is Netty's own unwritable state. */
  final boolean writeQueueFull() {
    return !channel.isWritable();
  }

  /** Writes this push as the protocol frames it, a view of the buffer every connection shares. */
  final void push(EncodedPush push) {
    channel.writeAndFlush(encoded(push), channel.voidPromise());
  }

  abstract ByteBuf encoded(EncodedPush push);

  /** Called every heartbeat period; returns false when the peer has not answered the previous one. */
  abstract boolean heartbeat();

  /** What the peer sent. Subscribers have nothing to say, so by default it is discarded. */
  void received(ChannelHandlerContext ctx, Object message) {
    ReferenceCountUtil.release(message);
  }

  void close() {
    channel.close();
  }

  /** A reset, a failed write or a malformed frame: the connection cannot go on. */
  void abort(Throwable cause) {
    channel.close();
  }
}
