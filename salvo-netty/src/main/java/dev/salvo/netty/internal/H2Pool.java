package dev.salvo.netty.internal;

import dev.salvo.client.HttpVersion;
import dev.salvo.client.Origin;
import dev.salvo.client.PoolStats;
import dev.salvo.client.SalvoIOException;
import io.netty.bootstrap.Bootstrap;
import io.netty.handler.ssl.SslContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP/2 connections to one {@link Origin}: each carries as many streams as its server's
 * SETTINGS_MAX_CONCURRENT_STREAMS allows (also after the server lowers it); more connections are
 * opened only when every open one is full: one while no server's SETTINGS have been seen, then at
 * once as many as the waiting calls need at the last limit seen, at most {@code maxConnectionsPerHost}.
 * Calls beyond that wait in arrival order. Thread-safe: its state, and the stream counts of its
 * connections, are guarded by its monitor, never held while connecting, writing or completing.
 */
final class H2Pool extends QueuingPool<H2Connection> {
    private static final Logger LOG = LoggerFactory.getLogger(H2Pool.class);

    private final Dialer dialer;
    /** Every connection open or opening, in the order they were opened. */
    private final Set<H2Connection> connections = new LinkedHashSet<>();
    /** Connections opening whose server's SETTINGS have not arrived yet. */
    private int connecting;
    /** The streams a connection may carry by the latest SETTINGS seen; 0 before any arrived. */
    private int lastMaxStreams;
    private final Supplier<OriginPool> http1;
    /** The HTTP/1.1 pool every call goes to once the server declined h2 by ALPN; null until then. */
    private volatile OriginPool fallback;

    /**
     * @param tls the TLS context (offering h2 by ALPN) for https origins, null for h2c
     * @param http1 makes the HTTP/1.1 pool for a server that declines h2
     */
    H2Pool(Origin origin, TransportConfig config, Bootstrap base, SslContext tls, Supplier<OriginPool> http1) {
        super(origin, config);
        this.http1 = http1;
        this.dialer = new Dialer(base, origin, new H2Initializer(this, config, tls));
    }

    @Override
    public void acquire(PendingExchange call) {
        OriginPool http1Pool = fallback;
        if (http1Pool != null) {
            http1Pool.acquire(call);
            return;
        }
        call.enteredPool(this);
        boolean poolClosed;
        H2Connection carrier = null;
        synchronized (this) {
            poolClosed = closed;
            http1Pool = fallback;
            if (!poolClosed && http1Pool == null) {
                carrier = waiting.isEmpty() ? withFreeStream() : null;
                if (carrier != null) {
                    carrier.streams++;
                } else {
                    waiting.addLast(call);
                }
            }
        }
        if (http1Pool != null) {
            http1Pool.acquire(call);
        } else if (poolClosed) {
            call.completeExceptionally(closedFailure());
        } else if (carrier != null) {
            carrier.dispatch(call);
        } else {
            rebalance();
        }
    }

    /** Guarded by this: the first connection that takes another stream, or null. */
    private H2Connection withFreeStream() {
        for (H2Connection connection : connections) {
            if (connection.takesAnotherStream()) {
                return connection;
            }
        }
        return null;
    }

    @Override
    public void addStats(List<PoolStats> into) {
        PoolStats stats;
        synchronized (this) {
            int open = 0;
            int idle = 0;
            int streams = 0;
            for (H2Connection connection : connections) {
                if (connection.ready) {
                    open++;
                    idle += connection.streams == 0 ? 1 : 0;
                    streams += connection.streams;
                }
            }
            stats = new PoolStats(origin, HttpVersion.HTTP_2, open, connecting, idle, open - idle, streams,
                    waiting.size(), maxConnections);
        }
        into.add(stats);
        OriginPool http1Pool = fallback;
        if (http1Pool != null) {
            http1Pool.addStats(into);
        }
    }

    /** ALPN: the server chose HTTP/1.1; this and every later call go to an HTTP/1.1 pool. */
    void fallBackToHttp1() {
        List<PendingExchange> moved;
        OriginPool http1Pool;
        synchronized (this) {
            if (fallback == null) {
                LOG.debug("[{}] {} does not offer h2; using HTTP/1.1", Thread.currentThread().getName(), origin);
                fallback = http1.get();
            }
            http1Pool = fallback;
            moved = takeWaiting();
            if (closed) {
                http1Pool.close();
            }
        }
        moved.forEach(http1Pool::acquire);
    }

    /** The server's SETTINGS arrived (the first, or a change): {@code connection} may take streams. */
    void settingsReceived(H2Connection connection, long maxStreams) {
        synchronized (this) {
            if (!connection.ready) {
                connection.ready = true;
                connecting--;
            }
            connection.maxStreams = (int) Math.min(Integer.MAX_VALUE, maxStreams);
            lastMaxStreams = Math.max(1, connection.maxStreams);
        }
        rebalance();
    }

    /** A stream of {@code connection} ended: its slot frees. */
    void streamEnded(H2Connection connection) {
        boolean closeNow;
        boolean anyWaiting;
        synchronized (this) {
            connection.streams--;
            closeNow = connection.goingAway && connection.streams == 0;
            anyWaiting = !waiting.isEmpty();
        }
        if (closeNow) {
            connection.close();
        }
        if (anyWaiting) {
            rebalance();
        }
    }

    /** The server sent GOAWAY on {@code connection}: no new streams there. */
    void goingAway(H2Connection connection) {
        boolean closeNow;
        synchronized (this) {
            connection.goingAway = true;
            closeNow = connection.streams == 0;
        }
        if (closeNow) {
            connection.close();
        }
        rebalance();
    }

    /** Whether {@code connection} is idle: open, no streams (for the idle timeout). */
    synchronized boolean isIdle(H2Connection connection) {
        return connection.streams == 0;
    }

    /**
     * {@code connection} is gone; when it never became ready and no other is, the waiting calls
     * fail with {@code failure}. False when it was not (or no longer) registered.
     */
    boolean connectionClosed(H2Connection connection, SalvoIOException failure) {
        List<PendingExchange> failed = List.of();
        synchronized (this) {
            if (!connections.remove(connection)) {
                return false;
            }
            if (!connection.ready) {
                connecting--;
                failed = strandedCalls();
            }
        }
        for (PendingExchange call : failed) {
            call.completeExceptionally(failure);
        }
        rebalance();
        return true;
    }

    /**
     * Hands waiting calls to connections with free streams, and opens the connections the calls
     * still waiting need (see the class comment) as far as the limit allows.
     */
    private void rebalance() {
        List<PendingExchange> calls = null;
        List<H2Connection> carriers = null;
        List<PendingExchange> openers = List.of();
        synchronized (this) {
            if (closed) {
                return;
            }
            int open = 0;
            for (H2Connection connection : connections) {
                open += connection.ready ? 1 : 0;
                while (connection.takesAnotherStream()) {
                    PendingExchange call = pollWaiting();
                    if (call == null) {
                        break;
                    }
                    connection.streams++;
                    if (calls == null) {
                        calls = new ArrayList<>();
                        carriers = new ArrayList<>();
                    }
                    calls.add(call);
                    carriers.add(connection);
                }
            }
            int dials = dialsNeeded(open);
            if (dials > 0) {
                connecting += dials;
                openers = waiting.stream().limit(dials).toList();
            }
        }
        if (calls != null) {
            for (int i = 0; i < calls.size(); i++) {
                carriers.get(i).dispatch(calls.get(i));
            }
        }
        for (int i = 0; i < openers.size(); i++) {
            connect(openers.get(i));
        }
    }

    /** Guarded by this: how many more connections the waiting calls need, {@code open} being ready. */
    private int dialsNeeded(int open) {
        if (waiting.isEmpty()) {
            return 0;
        }
        long wanted = lastMaxStreams == 0 ? 1 : (waiting.size() + (long) lastMaxStreams - 1) / lastMaxStreams;
        long room = (long) maxConnections - open - connecting;
        return (int) Math.max(0, Math.min(wanted - connecting, Math.min(room, waiting.size())));
    }

    /** Opens a connection, telling {@code opener} (the first call waiting for it) of its phases. */
    private void connect(PendingExchange opener) {
        dialer.dial(opener, future -> {
            if (future.isSuccess()) {
                return;
            }
            H2Connection connection = future.channel().pipeline().get(H2Connection.class);
            SalvoIOException failure = FailureClassifier.connectFailed(origin, future.cause());
            if (connection == null || !connectionClosed(connection, failure)) {
                connectFailed(failure);
            }
        }, cause -> connectFailed(FailureClassifier.connectFailed(origin, cause)));
    }

    /** Registers a connection as its pipeline is built. */
    boolean opened(H2Connection connection) {
        synchronized (this) {
            if (!closed) {
                connections.add(connection);
                return true;
            }
        }
        return false;
    }

    /** A connection that never got registered failed to open. */
    private void connectFailed(SalvoIOException failure) {
        List<PendingExchange> failed;
        synchronized (this) {
            connecting--;
            failed = strandedCalls();
        }
        LOG.debug("[{}] connect to {} failed: {}", Thread.currentThread().getName(), origin, failure.getMessage());
        for (PendingExchange call : failed) {
            call.completeExceptionally(failure);
        }
    }

    /** Guarded by this: when no connection is opening and none takes streams, the waiting calls, which leave the queue. */
    private List<PendingExchange> strandedCalls() {
        return connecting == 0 && connections.stream().noneMatch(c -> c.ready && !c.goingAway) ? takeWaiting() : List.of();
    }

    @Override
    List<H2Connection> connections() {
        return new ArrayList<>(connections);
    }

    @Override
    List<PendingExchange> connectingCalls() {
        return List.of(); // a call waits in the queue until a connection has a free stream
    }

    @Override
    OriginPool handsOnTo() {
        return fallback;
    }
}
