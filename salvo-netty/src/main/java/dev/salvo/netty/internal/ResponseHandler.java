package dev.salvo.netty.internal;

import dev.salvo.client.Headers;
import dev.salvo.client.HttpVersion;
import dev.salvo.client.SalvoIOException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of one connection's pipeline, created with the connection and reused by every exchange
 * on it: sends a call's request (a streamed body through a {@link BodyUpload}), hands its response
 * body to the exchange's subscriber ({@link BodyFlow}) and the connection back to its
 * {@link HostPool} once the body has been delivered. Confined to the connection's event loop; other threads reach it through
 * {@link #abort}, {@link #shutDown} and {@link #failInFlight}.
 */
final class ResponseHandler extends CallHandler implements QueuingPool.Connection {
    private static final Logger LOG = LoggerFactory.getLogger(ResponseHandler.class);

    private final HostPool pool;
    private final ResponseDecoder decoder;
    private final boolean keepAlive;
    private Channel channel;
    /** True while a streamed request body is still being written. */
    private boolean requestBodyWriting;
    private boolean headRequest;
    private boolean responseStarted;
    private boolean skippingInterim;
    private Headers headers;
    private boolean reusable;
    /** False when the request in flight said {@code Connection: close}. */
    private boolean requestAllowsReuse;
    private int served;

    ResponseHandler(HostPool pool, ResponseDecoder decoder, TransportConfig config) {
        this.pool = pool;
        this.decoder = decoder;
        this.keepAlive = config.keepAlive();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
    }

    boolean isActive() {
        return channel.isActive();
    }

    EventLoop eventLoop() {
        return channel.eventLoop();
    }

    void close() {
        channel.close();
    }

    @Override
    public void start(PendingExchange call) {
        if (call.isDone()) {
            pool.release(this, true);
            return;
        }
        current = call;
        responseStarted = false;
        skippingInterim = false;
        if (!channel.isActive()) {
            lost(null);
            return;
        }
        headRequest = call.request().method().equals("HEAD");
        requestAllowsReuse = keepAlive && KeepAlive.allowedBy(call.request().headers());
        decoder.expectResponseTo(call, headRequest);
        call.acquired(served > 0, 0);
        ByteBuf request = RequestEncoder.encode(channel.alloc(), call.request(), pool.hostHeader(), keepAlive);
        boolean streamed = RequestEncoder.streamsBody(call.request());
        if (call.listensToWrites()) {
            channel.writeAndFlush(request).addListener(call.headSent(streamed ? 0 : call.request().body().length()));
        } else {
            channel.writeAndFlush(request, channel.voidPromise());
        }
        if (!streamed) {
            return;
        }
        requestBodyWriting = true;
        BodyUpload.start(channel, call.request().body(), bytes -> runOnLoop(() -> {
                    requestBodyWriting = false;
                    call.bodySent(bytes);
                }),
                failure -> runOnLoop(() -> {
                    requestBodyWriting = false;
                    if (current == call) {
                        fail(failure instanceof SalvoIOException typed ? typed : FailureClassifier.requestBody(pool.origin(), failure));
                    }
                }));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        try {
            PendingExchange call = current;
            if (call == null) {
                if (message != LastHttpContent.EMPTY_LAST_CONTENT) {
                    channel.close(); // bytes nobody asked for: this connection cannot be trusted
                }
                return;
            }
            responseStarted = true;
            if (message instanceof HttpResponse response && !headersArrived(call, response)) {
                return;
            }
            if (message instanceof HttpContent content) {
                contentArrived(call, content);
            }
        } finally {
            ReferenceCountUtil.release(message);
        }
    }

    private boolean headersArrived(PendingExchange call, HttpResponse response) {
        DecoderResult result = response.decoderResult();
        if (result.isFailure()) {
            fail(FailureClassifier.malformed(pool.origin(), "bad status line or headers", result.cause()));
            return false;
        }
        int code = response.status().code();
        if (code < 100 || code > 999) {
            fail(FailureClassifier.malformed(pool.origin(), "status " + code + " is not a 3-digit code", null));
            return false;
        }
        if (code < 200 && code != 101) {
            skippingInterim = true; // 100 Continue, 103 Early Hints: the real response follows
            return true;
        }
        skippingInterim = false;
        try {
            headers = NettyHeaders.toSalvo(response.headers());
        } catch (IllegalArgumentException e) {
            fail(FailureClassifier.malformed(pool.origin(), "bad header field", e));
            return false;
        }
        reusable = requestAllowsReuse && code != 101 && KeepAlive.allowedBy(response);
        return openBody(call, channel, code, headers, HttpVersion.HTTP_1_1);
    }

    private void contentArrived(PendingExchange call, HttpContent content) {
        DecoderResult result = content.decoderResult();
        if (result.isFailure()) {
            fail(FailureClassifier.malformed(pool.origin(), "bad body framing", result.cause()));
            return;
        }
        boolean last = content instanceof LastHttpContent;
        if (skippingInterim) {
            skippingInterim = !last;
            return;
        }
        BodyFlow flow = body;
        if (flow == null) {
            return;
        }
        flow.piece(content.content());
        if (last && content instanceof LastHttpContent end && !end.trailingHeaders().isEmpty() && current == call) {
            trailersArrived(call, end);
        }
        if (last && current == call) {
            flow.last();
        }
    }

    private void trailersArrived(PendingExchange call, LastHttpContent end) {
        try {
            call.exchange().trailers(NettyHeaders.toSalvo(end.trailingHeaders()));
        } catch (IllegalArgumentException e) {
            fail(FailureClassifier.malformed(pool.origin(), "bad trailer field", e));
        }
    }

    /** The whole body reached the subscriber: the connection goes back to the pool, then the call ends. */
    @Override
    public void bodyEnded(PendingExchange call) {
        if (current != call) {
            return;
        }
        forgetCall();
        served++;
        headers = null;
        if (!channel.config().isAutoRead()) {
            channel.config().setAutoRead(true); // a slow subscriber had paused it
        }
        // before completing, so the caller's next call can reuse it; not while a request body still goes out
        pool.release(this, reusable && !requestBodyWriting && !call.isDone());
        call.complete(null);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        pool.connectionClosed(this);
        if (body == null || !body.lastArrived()) {
            lost(null); // else the body came whole before the close while its subscriber is behind: it takes the rest
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (current != null) {
            lost(cause);
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("[{}] fault on idle connection {}: {}", Thread.currentThread().getName(), channel, String.valueOf(cause));
        }
        ctx.close();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            if (current == null) {
                pool.evictIfIdle(this);
            }
        } else if (event instanceof SslHandshakeCompletionEvent handshake && !handshake.isSuccess()) {
            fail(FailureClassifier.duringExchange(pool.origin(), false, handshake.cause()));
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    /** The connection died under the call in flight: send it once more if safe, else fail it. */
    private void lost(Throwable cause) {
        PendingExchange call = current;
        if (call == null) {
            return;
        }
        BodyFlow flow = body;
        drop();
        if (pool.isClosed()) {
            call.completeExceptionally(pool.closedFailure());
        } else if (!responseStarted && served > 0 && call.mayRetry()) {
            LOG.debug("[{}] #{} reused connection {} was dead; sending again", Thread.currentThread().getName(),
                    call.exchange().requestId(), channel);
            call.markRetried();
            call.exchange().resending(FailureClassifier.closed(pool.origin(), false, cause));
            pool.acquire(call);
        } else {
            Throwable why = cause != null ? cause : FailureClassifier.handshakeFailure(channel);
            SalvoIOException failure = why == null ? FailureClassifier.closed(pool.origin(), responseStarted, null)
                    : FailureClassifier.duringExchange(pool.origin(), responseStarted, why);
            if (flow != null) {
                flow.fail(failure);
            }
            call.completeExceptionally(failure);
        }
    }

    /** Forgets the call in flight and closes the connection. */
    @Override
    void drop() {
        forgetCall();
        headers = null;
        channel.close();
    }

    /** Cancels {@code call} if it still runs here: closes the connection. Any thread. */
    @Override
    public void abort(PendingExchange call) {
        runOnLoop(() -> {
            if (current == call) {
                if (LOG.isDebugEnabled()) {
                    LOG.debug("[{}] #{} aborted; closing {}", Thread.currentThread().getName(),
                            call.exchange().requestId(), channel);
                }
                drop();
            }
        });
    }

    /** The transport is closing: fails the call in flight with {@code failure}, closes the connection. */
    @Override
    public void shutDown(SalvoIOException failure) {
        runOnLoop(() -> fail(failure));
    }

    private void runOnLoop(Runnable task) {
        EventLoops.runOn(channel, task);
    }

    @Override
    public String toString() {
        return "ResponseHandler[" + channel + ", served " + served + ']';
    }
}
