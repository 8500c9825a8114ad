package dev.showdown.kit;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

import java.nio.charset.StandardCharsets;
import java.nio.channels.ClosedChannelException;

/**
 * Answers a request whose chunked body the decoder could not read (a chunk-size line such as {@code zz}) with 400
 * {@code {"error":"malformed chunked body"}}, then closes the connection. Vert.x alone would close it without a word:
 * it fails the request and closes at once, and an answer written meanwhile is dropped, since it holds writes back
 * while it reads.
 *
 * <p>Sits between the decoder and Vert.x, so it sees each request arrive and each response leave. The failed chunk
 * never reaches Vert.x, whose request then ends as a closed connection. Responses go out in request order, so the
 * answer waits while responses to earlier pipelined requests are still owed; if this request's own response has
 * begun (or ended) already, the connection is only closed, as a second response would corrupt the first.
 */
final class MalformedBodies extends ChannelDuplexHandler {
  private static final byte[] BODY = "{\"error\":\"malformed chunked body\"}".getBytes(StandardCharsets.US_ASCII);

  /** Requests read whose response has not ended yet, the one being read included. */
  private int owed;
  private boolean headWritten;
  private boolean failed;
  private boolean answered;

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest) {
      owed++;
    } else if (msg instanceof HttpContent content && content.decoderResult().isFailure()) {
      ReferenceCountUtil.release(msg);
      failed = true;
      if (owed <= 1) {
        finish(ctx);
      }
      return;
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (answered) {
      // Nothing may follow the answer on the wire; the connection is closing.
      ReferenceCountUtil.release(msg);
      promise.tryFailure(new ClosedChannelException());
      return;
    }
    boolean ended = false;
    if (msg instanceof HttpResponse response && response.status().code() >= 200) {
      headWritten = true;
    }
    if (msg instanceof LastHttpContent && headWritten) {
      headWritten = false;
      owed--;
      ended = true;
    }
    ctx.write(msg, promise);
    if (ended && failed && owed == 1) {
      finish(ctx);
    }
  }

  /** Answers the broken request if its response has not begun, then closes once all that was written is out. */
  private void finish(ChannelHandlerContext ctx) {
    if (owed == 1 && !headWritten) {
      ctx.write(answer());
    }
    answered = true;
    ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
  }

  private static FullHttpResponse answer() {
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST,
        Unpooled.wrappedBuffer(BODY));
    response.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
        .setInt(HttpHeaderNames.CONTENT_LENGTH, BODY.length)
        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    return response;
  }
}
