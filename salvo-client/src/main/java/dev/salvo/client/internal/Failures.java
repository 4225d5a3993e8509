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
 * the cause. For every transport, including ones in other modules. Stateless and thread-safe.
 *
 * <p>The order of evidence: first the exception types in the cause chain (a connect timeout, a
 * refused connection, a {@link ProtocolException}, an {@link EOFException}, …); then where an
 * exception was thrown: one raised inside a response parser (the JDK client's header and body
 * parsers) means the server sent a malformed response; message text comes last, for blocking
 * clients that report faults as plain {@code IOException}s with words only. Throwables that are
 * neither I/O nor raised by a response parser (misuse, bugs) pass through unchanged.
 */
public final class Failures {
    /** Classes that parse a response: an exception thrown there means the response was malformed. */
    private static final String[] RESPONSE_PARSERS = {
        "jdk.internal.net.http.Http1HeaderParser", "jdk.internal.net.http.ResponseContent",
        "jdk.internal.net.http.Http1Response", "sun.net.www.http.ChunkedInputStream",
        "sun.net.www.MessageHeader"};

    private Failures() {
    }

    /** The typed failure for {@code error} (unwrapped from future wrappers) while sending {@code request}. */
    public static Throwable classify(Throwable error, Request request) {
        Throwable t = Outcome.unwrap(error);
        if (t instanceof SalvoIOException) {
            return t;
        }
        String what = request + ": ";
        boolean io = t instanceof IOException || t instanceof UnresolvedAddressException;
        for (Throwable c = t; c != null; c = c.getCause()) {
            Throwable typed = byType(c, what, t);
            if (typed != null) {
                return typed;
            }
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (thrownByResponseParser(c)) {
                return new MalformedResponseException(what + "malformed response: " + describe(c), t);
            }
        }
        if (!io) {
            return t;
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            Throwable worded = byMessage(c, what, t);
            if (worded != null) {
                return worded;
            }
        }
        return new SalvoIOException(what + describe(t), t);
    }

    private static Throwable byType(Throwable c, String what, Throwable t) {
        if (c instanceof HttpConnectTimeoutException) {
            return new ConnectFailedException(what + "connect timed out", t);
        }
        if (c instanceof ConnectException || c instanceof NoRouteToHostException
                || c instanceof UnknownHostException || c instanceof UnresolvedAddressException
                || c instanceof SSLHandshakeException) {
            return new ConnectFailedException(what + "cannot connect: " + describe(c), t);
        }
        if (c instanceof HttpTimeoutException) {
            return new DeadlineExceededException(what + "timed out: " + describe(c), t);
        }
        if (c instanceof ProtocolException) {
            return new MalformedResponseException(what + "malformed response: " + describe(c), t);
        }
        if (c instanceof EOFException || c instanceof ClosedChannelException || c instanceof SocketException) {
            return new ConnectionClosedException(what + "connection closed by peer: " + describe(c), t);
        }
        return null;
    }

    private static Throwable byMessage(Throwable c, String what, Throwable t) {
        String message = String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT);
        if (c instanceof SocketTimeoutException) {
            return message.contains("connect") ? new ConnectFailedException(what + "connect timed out", t)
                    : new DeadlineExceededException(what + "timed out: " + describe(c), t);
        }
        if (message.contains("invalid status line") || message.contains("invalid http response")
                || message.contains("bad status line") || message.contains("invalid content-length")
                || message.contains("bad header")) {
            return new MalformedResponseException(what + "malformed response: " + describe(c), t);
        }
        if (message.contains("reset") || message.contains("closed")
                || message.contains("eof") || message.contains("received no bytes")
                || message.contains("broken pipe") || message.contains("unexpected end of file")) {
            return new ConnectionClosedException(what + "connection closed by peer: " + describe(c), t);
        }
        return null;
    }

    private static boolean thrownByResponseParser(Throwable c) {
        for (StackTraceElement frame : c.getStackTrace()) {
            String type = frame.getClassName();
            if (type.startsWith("java.") || type.startsWith("jdk.internal.util")) {
                continue; // the JDK's own helpers (NumberFormatException.forInputString, …)
            }
            for (String parser : RESPONSE_PARSERS) {
                if (type.startsWith(parser)) {
                    return true;
                }
            }
            return false;
        }
        return false;
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }
}
