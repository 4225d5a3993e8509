package dev.salvo.server.internal;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.socket.DuplexChannel;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection after an error reply without losing that reply: closing a socket with
 * unread request bytes makes the kernel send a reset, which can destroy the reply before the
 * client reads it. So the output is shut down first (the client sees the reply, then end of
 * stream), the rest of the request is read and discarded by the decoder, and the connection is
 * closed {@value #LINGER_MS} ms later at the latest. Stateless; runs on the event loop.
 */
final class LingeringClose implements ChannelFutureListener {
    static final LingeringClose INSTANCE = new LingeringClose();
    static final long LINGER_MS = 1000;

    private LingeringClose() {
    }

    @Override
    public void operationComplete(ChannelFuture written) {
        if (!(written.channel() instanceof DuplexChannel duplex) || !written.isSuccess()) {
            written.channel().close();
            return;
        }
        duplex.shutdownOutput();
        duplex.eventLoop().schedule(() -> duplex.close(), LINGER_MS, TimeUnit.MILLISECONDS);
    }
}
