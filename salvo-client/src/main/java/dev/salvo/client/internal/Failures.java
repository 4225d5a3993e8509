package dev.salvo.client.internal;

import dev.salvo.client.ConnectFailedException;
import dev.salvo.client.ConnectionClosedException;
import dev.salvo.client.DeadlineExceededException;
import dev.salvo.client.MalformedResponseException;
import dev.salvo.client.Outcome;
import dev.salvo.client.Request;
import dev.salvo.client.SalvoIOException;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import javax.net.ssl.SSLHandshakeException;

/**
 * Maps what transports throw onto Salvo's typed {@link SalvoIOException}s, keeping the original as
 * the cause. Non-I/O throwables (misuse, bugs) pass through unchanged. For every transport,
 * including ones in other modules. Stateless and thread-safe.
 */
public final class Failures {
    private Failures() {
    }

    /** The typed failure for {@code error} (unwrapped from future wrappers) while sending {@code request}. */
    public static Throwable classify(Throwable error, Request request) {
        Throwable t = Outcome.unwrap(error);
        if (t instanceof SalvoIOException || !(t instanceof IOException || t instanceof UnresolvedAddressException)) {
            return t;
        }
        String what = request + ": ";
        for (Throwable c = t; c != null; c = c.getCause()) {
            String message = String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT);
            if (c instanceof HttpConnectTimeoutException
                    || c instanceof SocketTimeoutException && message.contains("connect")) {
                return new ConnectFailedException(what + "connect timed out", t);
            }
            if (c instanceof ConnectException || c instanceof NoRouteToHostException
                    || c instanceof UnknownHostException || c instanceof UnresolvedAddressException
                    || c instanceof SSLHandshakeException) {
                return new ConnectFailedException(what + "cannot connect: " + describe(c), t);
            }
            if (c instanceof HttpTimeoutException || c instanceof SocketTimeoutException) {
                return new DeadlineExceededException(what + "timed out: " + describe(c), t);
            }
            if (c instanceof ProtocolException || message.contains("invalid status line")
                    || message.contains("invalid http response") || message.contains("bad status line")
                    || message.contains("invalid content-length") || message.contains("bad header")) {
                return new MalformedResponseException(what + "malformed response: " + describe(c), t);
            }
            if (c instanceof EOFException || c instanceof ClosedChannelException || c instanceof SocketException
                    || message.contains("reset") || message.contains("closed") || message.contains("eof")
                    || message.contains("received no bytes") || message.contains("broken pipe")
                    || message.contains("unexpected end of file")) {
                return new ConnectionClosedException(what + "connection closed by peer: " + describe(c), t);
            }
        }
        return new SalvoIOException(what + describe(t), t);
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }
}
