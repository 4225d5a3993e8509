package dev.salvo.netty.internal;

/**
 * What one call runs on: an HTTP/1.1 connection ({@link ResponseHandler}) or an HTTP/2 stream
 * ({@link H2Stream}). Confined to its event loop except {@link #abort}, which hops onto it.
 */
interface Carrier {
    /** Sends {@code call}'s request. On the event loop. */
    void start(PendingExchange call);

    /** The whole body reached the subscriber: the slot frees, then the call ends. On the event loop. */
    void bodyEnded(PendingExchange call);

    /** Cancels {@code call} if it still runs here. Any thread. */
    void abort(PendingExchange call);
}
