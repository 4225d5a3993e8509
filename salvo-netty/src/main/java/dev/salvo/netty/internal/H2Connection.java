package dev.salvo.netty.internal;

import dev.salvo.client.SalvoIOException;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http2.DefaultHttp2PingFrame;
import io.netty.handler.codec.http2.DefaultHttp2WindowUpdateFrame;
import io.netty.handler.codec.http2.Http2ConnectionAdapter;
import io.netty.handler.codec.http2.Http2GoAwayFrame;
import io.netty.handler.codec.http2.Http2PingFrame;
import io.netty.handler.codec.http2.Http2SettingsFrame;
import io.netty.handler.codec.http2.Http2Stream;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.collection.IntObjectHashMap;
import io.netty.util.collection.IntObjectMap;
import io.netty.util.concurrent.Future;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP/2 connection, at the end of its parent channel's pipeline (after Netty's frame codec and
 * multiplexer): tells its {@link H2Pool} of the server's SETTINGS and GOAWAY, opens an
 * {@link H2Stream} per call, PINGs a silent server and closes the connection when it stays silent,
 * or when it has carried no stream for the idle timeout. Calls dispatched from other threads (the
 * callbacks sending their next request) gather in a queue that one task per event-loop turn drains,
 * starting their streams and flushing the connection once: a loop turn, not a call, costs a wakeup
 * and a socket write. Confined to the connection's event loop, except {@link #dispatch},
 * {@link #shutDown} and {@link #failInFlight}; the stream counts are guarded by the pool's monitor.
 */
final class H2Connection extends ChannelInboundHandlerAdapter implements QueuingPool.Connection {
    private static final Logger LOG = LoggerFactory.getLogger(H2Connection.class);
    /** Connection-level window: the streams' own windows bound what a slow consumer holds back. */
    private static final int CONNECTION_WINDOW = 1 << 30;
    private static final int DEFAULT_WINDOW = 65_535;

    private final H2Pool pool;
    private final long idleTicksToClose;
    private final Set<H2Stream> streamsInFlight = ConcurrentHashMap.newKeySet();
    /** The streams whose HEADERS went out, by stream id, until Netty closes them; on the event loop only. */
    private final IntObjectMap<H2Stream> numbered = new IntObjectHashMap<>();
    /** Calls dispatched from other threads, each bound to its stream, until the drain task starts them. */
    private final Queue<PendingExchange> arrivals = new ConcurrentLinkedQueue<>();
    /** Whether a drain task is queued on the event loop and has not begun polling. */
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Runnable drain = this::drainArrivals;
    /** Whether the drain task is starting streams: they write, and it flushes once at the end. */
    private boolean draining;
    private Channel channel;
    /** Opens the streams; made with the pipeline, on the event loop only. */
    private Http2StreamChannelBootstrap streamOpener;
    /** Guarded by the pool: SETTINGS arrived; streams open; the server's limit; GOAWAY arrived. */
    boolean ready;
    int streams;
    int maxStreams;
    boolean goingAway;
    /** The GOAWAY's last-stream-id; streams above it were never processed. -1 before any GOAWAY. */
    private volatile int lastStreamId = -1;
    /** Why the connection failed, for its streams' errors; null while it has not. */
    private volatile SalvoIOException failure;
    /** Streams ever started on it; on the event loop only. */
    private int streamsStarted;
    private boolean pingOutstanding;
    private long idleTicks;

    H2Connection(H2Pool pool, TransportConfig config) {
        this.pool = pool;
        Duration ping = config.pingInterval();
        this.idleTicksToClose = Math.max(1, config.idleTimeout().toNanos() / Math.max(1, ping.toNanos()));
    }

    /** Guarded by the pool: SETTINGS arrived, no GOAWAY, and the server's limit leaves a stream free. */
    boolean takesAnotherStream() {
        return ready && !goingAway && streams < maxStreams;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        streamOpener = new Http2StreamChannelBootstrap(channel);
        if (!pool.opened(this)) {
            channel.close();
        }
    }

    EventLoop eventLoop() {
        return channel.eventLoop();
    }

    Channel channel() {
        return channel;
    }

    H2Pool pool() {
        return pool;
    }

    void close() {
        channel.close();
    }

    /** Whether the stream {@code id} was never processed: above a GOAWAY's last-stream-id. */
    boolean unprocessed(int id) {
        int last = lastStreamId;
        return last >= 0 && id > last;
    }

    /** Why the connection failed, or null. */
    SalvoIOException failure() {
        return failure;
    }

    /** Runs {@code call} on a new stream; its slot is already counted. Any thread. */
    void dispatch(PendingExchange call) {
        H2Stream stream = new H2Stream(this);
        call.boundTo(stream);
        if (channel.eventLoop().inEventLoop()) {
            stream.start(call);
            return;
        }
        arrivals.offer(call);
        if (!drainScheduled.compareAndSet(false, true)) {
            return; // the queued drain task takes it
        }
        try {
            channel.eventLoop().execute(drain);
        } catch (RejectedExecutionException e) {
            PendingExchange stranded;
            while ((stranded = arrivals.poll()) != null) {
                pool.streamEnded(this);
                stranded.completeExceptionally(pool.closedFailure());
            }
        }
    }

    /** On the event loop: starts the streams of the calls dispatched from other threads, then flushes once. */
    private void drainArrivals() {
        drainScheduled.set(false); // a call offered from now on schedules the next drain
        draining = true;
        try {
            PendingExchange call;
            while ((call = arrivals.poll()) != null) {
                call.run();
            }
        } finally {
            draining = false;
            channel.flush();
        }
    }

    /** Opens a stream on the connection; on the event loop. */
    Future<Http2StreamChannel> openStream() {
        return streamOpener.open();
    }

    /** {@code stream}'s frames are written: flushed now, or once by the drain starting it. On the event loop. */
    void flush(Http2StreamChannel stream) {
        if (!draining) {
            stream.flush();
        }
    }

    /** Whether {@code stream}, starting now on the event loop, is not the connection's first. */
    boolean streamStarted(H2Stream stream) {
        streamsInFlight.add(stream);
        return streamsStarted++ > 0;
    }

    /** {@code stream}'s HEADERS went out as stream {@code id}: it hears when Netty closes that stream. */
    void streamNumbered(int id, H2Stream stream) {
        numbered.put(id, stream);
    }

    /**
     * Tells each stream as Netty's codec closes it, once the codec no longer counts it against the
     * server's SETTINGS_MAX_CONCURRENT_STREAMS: a slot freed then lets the next stream's HEADERS
     * go straight out instead of waiting in the codec's buffer of streams over the limit.
     */
    void watch(io.netty.handler.codec.http2.Http2Connection codec) {
        codec.addListener(new Http2ConnectionAdapter() {
            @Override
            public void onStreamClosed(Http2Stream closed) {
                H2Stream stream = numbered.remove(closed.id());
                if (stream != null) {
                    stream.streamClosed();
                }
            }
        });
    }

    void streamFinished(H2Stream stream) {
        streamsInFlight.remove(stream);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        try {
            if (message instanceof Http2SettingsFrame settings) {
                boolean first = !ready();
                Long max = settings.settings().maxConcurrentStreams();
                pool.settingsReceived(this, max != null ? max : first ? Integer.MAX_VALUE : currentMax());
                if (first) {
                    ctx.writeAndFlush(new DefaultHttp2WindowUpdateFrame(CONNECTION_WINDOW - DEFAULT_WINDOW));
                }
            } else if (message instanceof Http2GoAwayFrame goAway) {
                lastStreamId = goAway.lastStreamId();
                LOG.debug("[{}] GOAWAY from {} (last stream {}, error {})", Thread.currentThread().getName(),
                        pool.origin(), goAway.lastStreamId(), goAway.errorCode());
                pool.goingAway(this);
            } else if (message instanceof Http2PingFrame ping && ping.ack()) {
                pingOutstanding = false;
            }
        } finally {
            ReferenceCountUtil.release(message);
        }
    }

    private boolean ready() {
        synchronized (pool) {
            return ready;
        }
    }

    private int currentMax() {
        synchronized (pool) {
            return maxStreams;
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (!(event instanceof IdleStateEvent)) {
            ctx.fireUserEventTriggered(event);
            return;
        }
        if (pingOutstanding) {
            failure = new dev.salvo.client.ConnectionClosedException("connection to " + pool.origin()
                    + " stopped answering: no reply to a PING");
            LOG.debug("[{}] {} did not answer a PING; closing {}", Thread.currentThread().getName(), pool.origin(), channel);
            ctx.close();
            return;
        }
        idleTicks = pool.isIdle(this) ? idleTicks + 1 : 0;
        if (idleTicks >= idleTicksToClose) {
            ctx.close();
            return;
        }
        pingOutstanding = true;
        ctx.writeAndFlush(new DefaultHttp2PingFrame(System.nanoTime()));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (failure == null) {
            failure = FailureClassifier.duringExchange(pool.origin(), true, cause);
        }
        LOG.debug("[{}] HTTP/2 connection to {} failed: {}", Thread.currentThread().getName(), pool.origin(), String.valueOf(cause));
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        SalvoIOException why = failure;
        if (why == null) {
            Throwable tls = FailureClassifier.handshakeFailure(channel);
            why = tls != null ? FailureClassifier.duringExchange(pool.origin(), false, tls)
                    : FailureClassifier.closed(pool.origin(), false, null);
        }
        pool.connectionClosed(this, why);
        ctx.fireChannelInactive();
    }

    /** The transport is closing: fails the streams in flight with {@code why}, closes the connection. */
    @Override
    public void shutDown(SalvoIOException why) {
        EventLoops.runOn(channel, () -> {
            List.copyOf(streamsInFlight).forEach(stream -> stream.fail(why));
            channel.close();
        });
    }

    /** Fails the calls in flight from any thread, for when the event loop is gone. */
    @Override
    public void failInFlight(SalvoIOException why) {
        streamsInFlight.forEach(stream -> stream.failInFlight(why));
    }

    @Override
    public String toString() {
        return "H2Connection[" + channel + ']';
    }
}
