package dev.salvo.netty.internal;

import dev.salvo.client.Origin;
import dev.salvo.client.ConnectFailedException;
import dev.salvo.client.ConnectionClosedException;
import dev.salvo.client.MalformedResponseException;
import dev.salvo.client.SalvoIOException;
import io.netty.channel.Channel;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.ssl.SslHandler;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/** Turns what Netty reports into the client's typed failures, keeping the original as the cause. */
final class FailureClassifier {
    private FailureClassifier() {
    }

    /** No connection: refused, unreachable, unknown host or connect timeout. */
    static ConnectFailedException connectFailed(Origin origin, Throwable cause) {
        String why = cause instanceof ConnectTimeoutException ? "connect timed out" : describe(cause);
        return new ConnectFailedException("cannot connect to " + origin + ": " + why, cause);
    }

    /** The connection ended before the response did. */
    static ConnectionClosedException closed(Origin origin, boolean responseStarted, Throwable cause) {
        String when = responseStarted ? "before the response was complete" : "before any response";
        String message = "connection to " + origin + " closed " + when;
        return cause == null ? new ConnectionClosedException(message)
                : new ConnectionClosedException(message + ": " + describe(cause), cause);
    }

    static MalformedResponseException malformed(Origin origin, String what, Throwable cause) {
        return new MalformedResponseException("malformed response from " + origin + ": " + what
                + (cause == null ? "" : " (" + describe(cause) + ")"), cause);
    }

    static SalvoIOException requestBody(Origin origin, Throwable cause) {
        return new SalvoIOException("cannot send the request body to " + origin + ": " + cause, cause);
    }

    /** A fault while the exchange ran on an open connection. */
    static SalvoIOException duringExchange(Origin origin, boolean responseStarted, Throwable cause) {
        if (cause instanceof SalvoIOException typed) {
            return typed;
        }
        Throwable tls = find(cause, SSLException.class);
        if (tls != null) {
            return new SalvoIOException("TLS failure with " + origin + ": " + describe(tls), cause);
        }
        if (find(cause, TooLongFrameException.class) != null || cause instanceof DecoderException
                || isProtocolViolation(find(cause, Http2Exception.class))) {
            return malformed(origin, "cannot decode", cause);
        }
        if (isConnectionLoss(cause)) {
            return closed(origin, responseStarted, cause);
        }
        return new SalvoIOException("exchange with " + origin + " failed: " + describe(cause), cause);
    }

    /**
     * Why the TLS handshake on {@code channel} failed; null for a plain connection or a handshake
     * that did not fail. For a close that arrives before the handshake failure was reported.
     */
    static Throwable handshakeFailure(Channel channel) {
        SslHandler tls = channel.pipeline().get(SslHandler.class);
        return tls == null ? null : tls.handshakeFuture().cause();
    }

    /** An HTTP/2 error that says the peer broke the protocol (garbage frames, bad headers, too many). */
    private static boolean isProtocolViolation(Throwable cause) {
        if (!(cause instanceof Http2Exception h2)) {
            return false;
        }
        Http2Error error = h2.error();
        return error == Http2Error.PROTOCOL_ERROR || error == Http2Error.FRAME_SIZE_ERROR
                || error == Http2Error.COMPRESSION_ERROR || error == Http2Error.FLOW_CONTROL_ERROR;
    }

    private static boolean isConnectionLoss(Throwable cause) {
        if (cause instanceof ClosedChannelException) {
            return true;
        }
        if (!(cause instanceof IOException) || cause.getMessage() == null) {
            return false;
        }
        String message = cause.getMessage().toLowerCase(Locale.ROOT);
        return message.contains("reset") || message.contains("broken pipe") || message.contains("closed");
    }

    private static Throwable find(Throwable cause, Class<? extends Throwable> type) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
