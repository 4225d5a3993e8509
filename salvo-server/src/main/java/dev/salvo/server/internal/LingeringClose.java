package dev.salvo.server.internal;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http2.DefaultHttp2ResetFrame;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2Stream;
import io.netty.handler.codec.http2.Http2StreamChannel;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection after an error reply without losing that reply: closing a socket with
 * unread request bytes makes the kernel send a reset, which can destroy the reply before the
 * client reads it. So the output is shut down first (the client sees the reply, then end of
 * stream), the rest of the request is read and discarded by the decoder, and the connection is
 * closed {@value #LINGER_MS} ms later at the latest. On an HTTP/2 stream whose request is still
 * coming, the stream is reset with {@code NO_ERROR} (RFC 9113 §8.1: stop sending, keep the reply)
 * rather than closed, which would send {@code CANCEL} and make clients such as curl drop the
 * reply; the connection goes on. Stateless; runs on the event loop.
 */
final class LingeringClose implements ChannelFutureListener {
    static final LingeringClose INSTANCE = new LingeringClose();
    static final long LINGER_MS = 1000;

    private LingeringClose() {
    }

    @Override
    public void operationComplete(ChannelFuture written) {
        if (written.channel() instanceof Http2StreamChannel stream) {
            if (written.isSuccess() && stream.stream().state() != Http2Stream.State.CLOSED) {
                stream.writeAndFlush(new DefaultHttp2ResetFrame(Http2Error.NO_ERROR));
            }
            stream.close();
            return;
        }
        if (!(written.channel() instanceof DuplexChannel duplex) || !written.isSuccess()) {
            written.channel().close();
            return;
        }
        duplex.shutdownOutput();
        duplex.eventLoop().schedule(() -> duplex.close(), LINGER_MS, TimeUnit.MILLISECONDS);
    }
}
