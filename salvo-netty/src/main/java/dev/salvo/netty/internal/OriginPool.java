package dev.salvo.netty.internal;

import dev.salvo.client.ClientClosedException;
import dev.salvo.client.Origin;
import dev.salvo.client.PoolStats;
import java.util.List;

/**
 * The connections to one {@link Origin} under one protocol: HTTP/1.1 ({@link HostPool}, a call per
 * connection) or HTTP/2 ({@link H2Pool}, many streams per connection). Thread-safe.
 */
interface OriginPool {
    Origin origin();

    /** Runs {@code call} on a free connection or stream, or queues it until one frees up. Any thread. */
    void acquire(PendingExchange call);

    /** A queued call was cancelled: it leaves the queue. Any thread. */
    void forget(PendingExchange call);

    boolean isClosed();

    /** Adds this pool's snapshot (and that of any pool it hands calls to) to {@code into}. Any thread. */
    void addStats(List<PoolStats> into);

    /** Fails queued calls and every exchange in flight, and closes every connection. */
    void close();

    /** After the event loops stopped: fails whatever the loops could not reach any more. */
    void failStragglers();

    default ClientClosedException closedFailure() {
        return new ClientClosedException("the Netty transport was closed; " + origin() + " is no longer reachable through it");
    }
}
