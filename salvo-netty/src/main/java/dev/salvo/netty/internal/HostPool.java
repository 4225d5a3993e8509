package dev.salvo.netty.internal;

import dev.salvo.client.HttpVersion;
import dev.salvo.client.Origin;
import dev.salvo.client.PoolStats;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.EventLoop;
import io.netty.handler.ssl.SslContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections to one {@link Origin}: at most {@code maxConnectionsPerHost} open or opening,
 * idle ones reused last-in first-out, calls beyond the limit queued in arrival order. Thread-safe:
 * its state is guarded by its monitor, which is never held while connecting, writing or
 * completing a future.
 */
final class HostPool extends QueuingPool<ResponseHandler> {
    private static final Logger LOG = LoggerFactory.getLogger(HostPool.class);

    private final String hostHeader;
    private final Dialer dialer;
    private final ArrayDeque<ResponseHandler> idle = new ArrayDeque<>();
    private final Set<ResponseHandler> open = new HashSet<>();
    private final Set<PendingExchange> connecting = new HashSet<>();

    /** @param tls the TLS context for https origins, null for http */
    HostPool(Origin origin, TransportConfig config, Bootstrap base, SslContext tls) {
        super(origin, config);
        this.hostHeader = origin.authority();
        this.dialer = new Dialer(base, origin, new ConnectionInitializer(this, config, tls));
    }

    /** The Host header's value for requests to this origin. */
    String hostHeader() {
        return hostHeader;
    }

    /** Runs {@code call} on an idle connection, a new one, or queues it until one frees up. */
    @Override
    public void acquire(PendingExchange call) {
        call.enteredPool(this);
        ResponseHandler reused = null;
        boolean poolClosed;
        synchronized (this) {
            poolClosed = closed;
            if (!poolClosed) {
                reused = pollIdle();
                if (reused == null) {
                    if (open.size() + connecting.size() >= maxConnections) {
                        waiting.addLast(call);
                        return;
                    }
                    connecting.add(call);
                }
            }
        }
        if (poolClosed) {
            call.completeExceptionally(closedFailure());
        } else if (reused != null) {
            dispatch(reused, call);
        } else {
            connect(call);
        }
    }

    /** The exchange on {@code handler}'s connection finished; passes it on, pools or closes it. */
    void release(ResponseHandler handler, boolean reusable) {
        if (!reusable || !handler.isActive()) {
            handler.close();
            return;
        }
        PendingExchange next;
        synchronized (this) {
            next = closed ? null : pollWaiting();
            if (next == null && !closed) {
                idle.addLast(handler);
                return;
            }
        }
        if (next == null) {
            handler.close();
        } else {
            dispatch(handler, next);
        }
    }

    /** The connection of {@code handler} is gone; its slot may serve a waiting call. */
    void connectionClosed(ResponseHandler handler) {
        PendingExchange next = null;
        synchronized (this) {
            if (open.remove(handler)) {
                idle.remove(handler);
            }
            if (!closed && open.size() + connecting.size() < maxConnections) {
                next = pollWaiting();
                if (next != null) {
                    connecting.add(next);
                }
            }
        }
        if (next != null) {
            connect(next);
        }
    }

    /** Closes {@code handler}'s connection if it sits unused in the pool. */
    void evictIfIdle(ResponseHandler handler) {
        boolean evict;
        synchronized (this) {
            evict = idle.remove(handler);
        }
        if (evict) {
            handler.close();
        }
    }

    @Override
    List<ResponseHandler> connections() {
        return new ArrayList<>(open);
    }

    @Override
    List<PendingExchange> connectingCalls() {
        return new ArrayList<>(connecting);
    }

    @Override
    public void addStats(List<PoolStats> into) {
        PoolStats stats;
        synchronized (this) {
            int idleOpen = 0;
            for (ResponseHandler handler : idle) {
                if (open.contains(handler)) { // a connection closing as it was pooled is in idle, not in open
                    idleOpen++;
                }
            }
            int inUse = open.size() - idleOpen;
            stats = new PoolStats(origin, HttpVersion.HTTP_1_1, open.size(), connecting.size(), idleOpen, inUse, inUse,
                    waiting.size(), maxConnections);
        }
        into.add(stats);
    }

    @Override
    OriginPool handsOnTo() {
        return null;
    }

    private void connect(PendingExchange call) {
        dialer.dial(call, future -> {
            ResponseHandler handler = future.isSuccess() ? future.channel().pipeline().get(ResponseHandler.class) : null;
            if (handler != null) {
                connectSucceeded(handler, call);
            } else if (future.isSuccess()) {
                future.channel().close(); // its pipeline could not be built
                connectFailed(call, new IllegalStateException("cannot set up the connection's pipeline"));
            } else {
                connectFailed(call, future.cause());
            }
        }, cause -> connectFailed(call, cause));
    }

    private void connectSucceeded(ResponseHandler handler, PendingExchange call) {
        boolean poolClosed;
        synchronized (this) {
            connecting.remove(call);
            poolClosed = closed;
            if (!poolClosed) {
                open.add(handler);
            }
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("[{}] #{} connected to {} ({})", Thread.currentThread().getName(),
                    call.exchange().requestId(), origin, handler);
        }
        if (poolClosed) {
            handler.close();
            call.completeExceptionally(closedFailure());
        } else if (call.isDone()) {
            release(handler, true);
        } else {
            dispatch(handler, call);
        }
    }

    private void connectFailed(PendingExchange call, Throwable cause) {
        PendingExchange next = null;
        boolean poolClosed;
        synchronized (this) {
            connecting.remove(call);
            poolClosed = closed;
            if (!closed) {
                next = pollWaiting();
                if (next != null) {
                    connecting.add(next);
                }
            }
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("[{}] #{} connect to {} failed: {}", Thread.currentThread().getName(),
                    call.exchange().requestId(), origin, String.valueOf(cause));
        }
        call.completeExceptionally(poolClosed ? closedFailure() : FailureClassifier.connectFailed(origin, cause));
        if (next != null) {
            connect(next);
        }
    }

    private void dispatch(ResponseHandler handler, PendingExchange call) {
        call.boundTo(handler);
        EventLoop loop = handler.eventLoop();
        if (loop.inEventLoop()) {
            handler.start(call);
            return;
        }
        try {
            loop.execute(call);
        } catch (RejectedExecutionException e) {
            call.completeExceptionally(closedFailure());
        }
    }

    /** Guarded by this. */
    private ResponseHandler pollIdle() {
        ResponseHandler handler;
        while ((handler = idle.pollLast()) != null) {
            if (handler.isActive()) {
                return handler;
            }
        }
        return null;
    }
}
