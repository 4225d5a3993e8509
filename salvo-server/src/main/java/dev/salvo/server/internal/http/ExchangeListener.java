package dev.salvo.server.internal.http;

import io.netty.channel.ChannelFuture;

/** The connection's side of an exchange: told when its reply is written or abandoned. */
public interface ExchangeListener {
    /**
     * The reply's last write was issued; {@code lastWrite} completes (on the event loop) when it is
     * on the wire. {@code status} is the HTTP status sent (0 for raw bytes), {@code bytes} the body
     * length written (-1 unknown).
     */
    void replied(Exchange exchange, int status, long bytes, boolean keepAlive, ChannelFuture lastWrite);

    /** The exchange will never reply (a stall fault); the connection stays until idle timeout. */
    void abandoned(Exchange exchange);
}
