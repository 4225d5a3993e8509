package dev.salvo.server.internal;

import dev.salvo.server.internal.http.Exchange;
import dev.salvo.server.internal.http.ExchangeListener;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One per connection, confined to its event loop. Serves the connection's requests one at a time
 * in arrival order (pipelined ones queue, with reading paused), hands each to the serving
 * strategy and the router, answers malformed or refused requests with their 4xx and closes,
 * closes the connection on idle timeout when no request of it is being served and on write
 * timeout when its client stops taking the reply, and writes the access log.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter implements ExchangeListener {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionHandler.class);
    private static final HttpResponseStatus HEADERS_TOO_LARGE =
            HttpResponseStatus.valueOf(431, "Request Header Fields Too Large");

    private final ServerRuntime server;
    private final H2cUpgrade h2c;
    private final ArrayDeque<FullHttpRequest> pending = new ArrayDeque<>(0);
    private ChannelHandlerContext ctx;
    private Exchange current;
    private boolean stalled;
    private String origin;
    private WriteStallWatch writeStall;

    ConnectionHandler(ServerRuntime server, H2cUpgrade h2c) {
        this.server = server;
        this.h2c = h2c;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.writeStall = new WriteStallWatch(ctx.channel(), server.config().writeTimeout(), () -> current != null);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest req)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (current != null) {
            pending.add(req);
            ctx.channel().config().setAutoRead(false);
        } else {
            serve(req);
        }
    }

    /** Serves the connection's next request; a malformed one ends the connection. */
    private void serve(FullHttpRequest req) {
        if (req.decoderResult().isFailure()) {
            rejectMalformed(req);
            return;
        }
        if (h2c != null && pending.isEmpty() && H2cUpgrade.wanted(ctx, req)) {
            h2c.offer(ctx, req);
            return;
        }
        Exchange ex = new Exchange(server.nextRequestId(), ctx.channel(), origin(), req, server.config(), server.strategy(), this);
        current = ex;
        writeStall.arm();
        server.inFlight().enter();
        if (LOG.isDebugEnabled()) {
            LOG.debug("request {} {} {} from {} on {}", ex.id(), req.method(), req.uri(), ex.origin(),
                    Thread.currentThread().getName());
        }
        server.strategy().dispatch(ctx.channel().eventLoop(), () -> server.router().handle(ex));
    }

    @Override
    public void replied(Exchange ex, int status, long bytes, boolean keepAlive, ChannelFuture lastWrite) {
        lastWrite.addListener(f -> finished(ex, status, bytes, keepAlive));
    }

    private void finished(Exchange ex, int status, long bytes, boolean keepAlive) {
        server.inFlight().exit();
        HttpRequest req = ex.request();
        AccessLog log = server.accessLog();
        if (log != null) {
            log.log(origin(), requestLine(req), status, bytes, ex.startNanos());
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("request {} answered {} in {} µs on {}", ex.id(), status,
                    (System.nanoTime() - ex.startNanos()) / 1000, Thread.currentThread().getName());
        }
        ex.request().release();
        current = null;
        if (!keepAlive || !ctx.channel().isActive()) {
            ctx.close();
            return;
        }
        FullHttpRequest next = pending.poll();
        if (next != null) {
            serve(next);
        } else {
            ctx.channel().config().setAutoRead(true);
        }
    }

    @Override
    public void abandoned(Exchange ex) {
        ctx.executor().execute(() -> {
            server.inFlight().exit();
            stalled = true;
            if (ctx.channel() instanceof Http2StreamChannel stream) {
                Http2ConnectionGuard.stalled(stream, 1);
            }
            LOG.debug("request {} abandoned (stall fault) on {}", ex.id(), Thread.currentThread().getName());
        });
    }

    /** A request the aggregator refused (413): only logged here, the aggregator answered. */
    void rejected(HttpMessage msg, int status) {
        AccessLog log = server.accessLog();
        if (log != null && msg instanceof HttpRequest req) {
            log.log(origin(), requestLine(req), status, -1, System.nanoTime());
        }
    }

    private void rejectMalformed(FullHttpRequest req) {
        Throwable cause = req.decoderResult().cause();
        HttpResponseStatus status;
        String detail;
        String line = "<malformed>";
        if (cause instanceof RequestRejection r) {
            status = r.status();
            detail = r.getMessage();
            line = requestLine(req);
        } else if (cause instanceof TooLongFrameException) {
            status = HEADERS_TOO_LARGE;
            detail = "request line or headers over the 16 KiB limit";
        } else {
            status = HttpResponseStatus.BAD_REQUEST;
            detail = "malformed request: " + cause.getMessage();
        }
        req.release();
        LOG.debug("refusing a request on {}: {} {}", ctx.channel(), status.code(), detail);
        FullHttpResponse res = ClosingErrorReply.of(ctx.alloc(), status, detail);
        AccessLog log = server.accessLog();
        if (log != null) {
            log.log(origin(), line, status.code(), res.content().readableBytes(), System.nanoTime());
        }
        ctx.writeAndFlush(res).addListener(LingeringClose.INSTANCE);
    }

    /** Answers a connection over max-connections with a 503 and closes it, reading nothing. */
    static void refuseConnection(Channel ch, ServerRuntime server) {
        LOG.debug("refusing connection {}: {} open, the limit is {}", ch, server.openConnections(), server.config().maxConnections());
        ch.config().setAutoRead(false);
        FullHttpResponse res = ClosingErrorReply.of(ch.alloc(), HttpResponseStatus.SERVICE_UNAVAILABLE,
                "too many open connections (limit " + server.config().maxConnections() + "); try again later");
        ch.eventLoop().execute(() -> ch.writeAndFlush(res).addListener(LingeringClose.INSTANCE));
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent && (current == null || stalled)) {
            LOG.debug("closing idle connection {} on {}", ctx.channel(), Thread.currentThread().getName());
            ctx.close();
        } else {
            ReferenceCountUtil.release(evt);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        pending.forEach(FullHttpRequest::release);
        pending.clear();
        if (stalled) {
            if (ctx.channel() instanceof Http2StreamChannel stream) {
                Http2ConnectionGuard.stalled(stream, -1);
            }
            current.request().release();
            current = null;
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("connection {} failed on {}: {}", ctx.channel(), Thread.currentThread().getName(), cause.toString());
        ctx.close();
    }

    /** The client's IP address, formatted once per connection. */
    private String origin() {
        if (origin == null) {
            origin = ctx.channel().remoteAddress() instanceof InetSocketAddress a ? a.getAddress().getHostAddress() : "unknown";
        }
        return origin;
    }

    private String requestLine(HttpRequest req) {
        String protocol = ctx.channel() instanceof Http2StreamChannel ? "HTTP/2.0" : req.protocolVersion().text();
        return req.method() + " " + req.uri() + " " + protocol;
    }
}
