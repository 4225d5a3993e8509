package dev.salvo.flink;

import dev.salvo.client.ClientClosedException;
import dev.salvo.client.ConnectFailedException;
import dev.salvo.client.ConnectionClosedException;
import dev.salvo.client.DeadlineExceededException;
import dev.salvo.client.MalformedResponseException;
import dev.salvo.client.QueueFullException;
import dev.salvo.client.ResponseTooLargeException;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.CancellationException;

/** Why a call produced no response: the {@code error.kind} of an output record and a metric name. */
public enum ErrorKind {
    /** The input could not be turned into a request (malformed line, bad URL, unsupported scheme). */
    BAD_INPUT,
    /** The TCP (or TLS) connection could not be opened. */
    CONNECT,
    /** The connection closed before the response was complete. */
    CONNECTION_CLOSED,
    /** Salvo's whole-call deadline passed. */
    DEADLINE,
    /** Flink's async timeout passed (a backstop: the deadline is set below it and fires first). */
    TIMEOUT,
    /** The server's response was not valid HTTP. */
    MALFORMED_RESPONSE,
    /** The body was larger than the transport accepts. */
    TOO_LARGE,
    /** The client's queue was full. */
    QUEUE_FULL,
    /** The client was closed while the call was queued or running. */
    CLIENT_CLOSED,
    /** The call was cancelled. */
    CANCELLED,
    /** Any other I/O failure. */
    IO,
    /** Anything else: a bug in a user function, for instance. */
    OTHER;

    /** The kind of {@code failure} (already unwrapped from {@code CompletionException}). */
    public static ErrorKind of(Throwable failure) {
        return switch (failure) {
            case ConnectFailedException e -> CONNECT;
            case ConnectionClosedException e -> CONNECTION_CLOSED;
            case DeadlineExceededException e -> DEADLINE;
            case MalformedResponseException e -> MALFORMED_RESPONSE;
            case ResponseTooLargeException e -> TOO_LARGE;
            case QueueFullException e -> QUEUE_FULL;
            case ClientClosedException e -> CLIENT_CLOSED;
            case CancellationException e -> CANCELLED;
            case IOException e -> IO;
            case IllegalArgumentException e -> BAD_INPUT;
            default -> OTHER;
        };
    }

    /** The lower-case name used in output records and metric names, e.g. {@code connection_closed}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
