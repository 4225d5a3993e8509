package dev.salvo.netty.internal;

import dev.salvo.client.Origin;
import dev.salvo.client.SalvoIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link HostPool} and {@link H2Pool} share: the origin, the calls waiting for a connection or a
 * stream in arrival order, and closing (queued calls fail, connections shut down, then the pool it
 * hands calls on to, if any). Thread-safe: {@link #waiting} and {@link #closed} are guarded by the
 * pool's monitor, which subclasses use for their own state too and never hold while doing I/O or
 * completing a future.
 *
 * @param <C> the pool's connections
 */
abstract class QueuingPool<C extends QueuingPool.Connection> implements OriginPool {
    /** A pooled connection as closing sees it. */
    interface Connection {
        /** The transport is closing: fails what runs on it with {@code failure}, closes it. Any thread. */
        void shutDown(SalvoIOException failure);

        /** Fails what runs on it from any thread, for when the event loop is gone. */
        void failInFlight(SalvoIOException failure);
    }

    final Origin origin;
    final int maxConnections;
    /** Guarded by this: calls waiting, oldest first. */
    final ArrayDeque<PendingExchange> waiting = new ArrayDeque<>();
    /** Guarded by this. */
    boolean closed;

    QueuingPool(Origin origin, TransportConfig config) {
        this.origin = origin;
        this.maxConnections = config.maxConnectionsPerHost();
    }

    @Override
    public final Origin origin() {
        return origin;
    }

    @Override
    public final void forget(PendingExchange call) {
        synchronized (this) {
            waiting.remove(call);
        }
    }

    @Override
    public final synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public final void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        end(true);
    }

    @Override
    public final void failStragglers() {
        end(false);
    }

    /**
     * Closing: fails the queued calls and shuts the connections down; after the event loops stopped:
     * fails the calls still connecting and whatever runs on a connection. Then the same for the pool
     * it hands calls on to.
     */
    private void end(boolean closing) {
        List<PendingExchange> calls;
        List<C> open;
        synchronized (this) {
            calls = closing ? takeWaiting() : connectingCalls();
            open = connections();
        }
        calls.forEach(call -> call.completeExceptionally(closedFailure()));
        for (C connection : open) {
            if (closing) {
                connection.shutDown(closedFailure());
            } else {
                connection.failInFlight(closedFailure());
            }
        }
        OriginPool next = handsOnTo();
        if (next != null && closing) {
            next.close();
        } else if (next != null) {
            next.failStragglers();
        }
    }

    /** Guarded by this: the waiting calls, which leave the queue. */
    final List<PendingExchange> takeWaiting() {
        List<PendingExchange> taken = new ArrayList<>(waiting);
        waiting.clear();
        return taken;
    }

    /** Guarded by this: the oldest queued call not yet cancelled. */
    final PendingExchange pollWaiting() {
        return PendingExchange.pollLive(waiting);
    }

    /** Guarded by this: a copy of the connections open or opening. */
    abstract List<C> connections();

    /** Guarded by this: a copy of the calls a connection is being opened for, not yet on one. */
    abstract List<PendingExchange> connectingCalls();

    /** The pool calls go to instead of this one (an HTTP/1.1 fallback), or null. */
    abstract OriginPool handsOnTo();
}
