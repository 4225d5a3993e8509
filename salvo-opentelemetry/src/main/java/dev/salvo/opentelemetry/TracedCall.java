package dev.salvo.opentelemetry;

import dev.salvo.client.BodyResponse;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import java.util.concurrent.CompletionException;

/**
 * One traced call: its span and what it learnt of the outcome. The span ends once, when the interceptor's
 * future has settled and every client call it made has ended (a body read as a stream ends after the
 * future). The latest outcome wins: an inner interceptor that sends again, or a stream that fails after
 * the headers, shows as the span's result. Guarded by its own monitor; the span is ended outside it.
 */
final class TracedCall {
    /**
     * The span until it ends, then null: the call rides on its requests as their tag, and a request (or a
     * response, which keeps its request) that the caller holds on to should not keep the span too.
     */
    private Span span;
    /** Client calls (QUEUED seen) not yet COMPLETED or FAILED. */
    private int open;
    /** STARTED events: the first attempt, then one per retry, redirect hop and resend. */
    private int starts;
    private boolean settled;
    private boolean ended;
    /** The final status, else the status of the headers the current hop got; 0 before any. */
    private int status;
    private Throwable failure;

    TracedCall(Span span) {
        this.span = span;
    }

    /** Adds an event to the span, unless it has ended. */
    synchronized void addEvent(String name, Attributes attributes) {
        if (!ended) {
            span.addEvent(name, attributes);
        }
    }

    /** Whether the span is still held: until it ends. */
    synchronized boolean holdsSpan() {
        return span != null;
    }

    synchronized void queued() {
        if (!ended) {
            open++;
        }
    }

    synchronized void started() {
        if (!ended) {
            starts++;
            status = 0;
        }
    }

    synchronized void headers(int code) {
        if (!ended) {
            status = code;
        }
    }

    /** A client call ended: COMPLETED with its status, or FAILED (after the current hop's headers, if any). */
    void callEnded(int code, Throwable error) {
        Span ending;
        synchronized (this) {
            if (ended) {
                return;
            }
            open--;
            if (code != 0) {
                status = code;
            }
            failure = error;
            ending = readyToEnd();
            if (ending == null) {
                return;
            }
        }
        end(ending);
    }

    /** The interceptor's future settled, or the chain below it threw. */
    void settled(BodyResponse<?> response, Throwable error) {
        Span ending;
        synchronized (this) {
            if (ended) {
                return;
            }
            settled = true;
            if (response != null) {
                status = response.status();
                failure = null;
            } else {
                failure = unwrap(error);
            }
            ending = readyToEnd();
            if (ending == null) {
                return;
            }
        }
        end(ending);
    }

    /** Under the monitor: the span to end now, given up by this call (once); null when it is not time. */
    private Span readyToEnd() {
        if (ended || !settled || open > 0) {
            return null;
        }
        ended = true;
        Span ending = span;
        span = null;
        return ending;
    }

    /** Runs once, with what {@link #readyToEnd} gave: from then on nothing changes the fields. */
    private void end(Span span) {
        if (status != 0) {
            span.setAttribute(HttpAttributes.STATUS_CODE, status);
        }
        if (starts > 1) {
            span.setAttribute(HttpAttributes.RESEND_COUNT, starts - 1);
        }
        if (failure != null) {
            span.setAttribute(HttpAttributes.ERROR_TYPE, HttpAttributes.errorType(failure));
            span.setStatus(StatusCode.ERROR, failure.getMessage() == null ? "" : failure.getMessage());
            span.recordException(failure);
        } else if (HttpAttributes.isError(status)) {
            span.setAttribute(HttpAttributes.ERROR_TYPE, Integer.toString(status));
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
