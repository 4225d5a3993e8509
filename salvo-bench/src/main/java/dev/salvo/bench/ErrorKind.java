package dev.salvo.bench;

import dev.salvo.client.ConnectFailedException;
import dev.salvo.client.ConnectionClosedException;
import dev.salvo.client.DeadlineExceededException;
import dev.salvo.client.MalformedResponseException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Why a request of a run failed; decided from the client's exception types. */
public enum ErrorKind {
    /** No connection could be made: refused, unreachable, DNS ({@link ConnectFailedException}). */
    CONNECT("connect"),
    /** No complete response within the request timeout ({@link DeadlineExceededException}). */
    TIMEOUT("timeout"),
    /** The peer closed or reset the connection mid-exchange ({@link ConnectionClosedException}). */
    RESET("reset"),
    /** The reply was not valid HTTP ({@link MalformedResponseException}). */
    PROTOCOL("protocol"),
    /** Any other failure. */
    OTHER("other");

    private final String key;

    ErrorKind(String key) {
        this.key = key;
    }

    /** The short lower-case name used in reports and JSON: connect, timeout, reset, protocol, other. */
    public String key() {
        return key;
    }

    /** The kind of {@code failure}, looking through CompletionException and ExecutionException wrappers. */
    public static ErrorKind of(Throwable failure) {
        Throwable cause = unwrap(Objects.requireNonNull(failure, "failure"));
        if (cause instanceof ConnectFailedException || cause instanceof ConnectException) {
            return CONNECT;
        }
        if (cause instanceof DeadlineExceededException || cause instanceof TimeoutException
                || cause instanceof SocketTimeoutException) {
            return TIMEOUT;
        }
        if (cause instanceof ConnectionClosedException) {
            return RESET;
        }
        if (cause instanceof MalformedResponseException) {
            return PROTOCOL;
        }
        return OTHER;
    }

    /** The exception a wrapper stands for. */
    public static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
