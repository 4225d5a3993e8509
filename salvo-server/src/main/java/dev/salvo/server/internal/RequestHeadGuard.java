package dev.salvo.server.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandler;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Checks each decoded request head before anything acts on it, for what Netty's decoder lets
 * through: a Transfer-Encoding other than exactly {@code chunked} (RFC 9112 §6.1: {@code xchunked},
 * {@code gzip}, {@code chunked, chunked}) and an HTTP/1.1 request without exactly one Host (RFC 9112
 * §3.2) are refused with 400. Also keeps the head deadline: {@link #firstByteWatch()}, in front of
 * the decoder, starts it at the first byte of a head, the decoded head stops it; a head not complete
 * by then is refused with 408, however steadily its bytes trickle in. After a refusal everything
 * else the connection sends is dropped. Confined to its connection's event loop.
 */
final class RequestHeadGuard extends ChannelInboundHandlerAdapter {
    private final long headTimeoutNanos;
    private ChannelHandlerContext ctx;
    /** The timer, at most one per connection; re-armed from {@link #headStartNanos} when it fires. */
    private ScheduledFuture<?> deadline;
    /** When the head in progress began, or 0 when none is. */
    private long headStartNanos;
    /** Between a head and its last content: bytes then are body, not head. */
    private boolean inBody;
    private boolean refused;

    RequestHeadGuard(Duration headTimeout) {
        this.headTimeoutNanos = headTimeout.toNanos();
    }

    /** The handler to put in front of the HTTP decoder. */
    ChannelInboundHandler firstByteWatch() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext raw, Object msg) {
                if (!inBody && !refused && headStartNanos == 0) {
                    headStartNanos = System.nanoTime() | 1;
                    if (deadline == null) { // no timer per request: a pending one re-arms itself when it fires
                        deadline = raw.executor().schedule(RequestHeadGuard.this::headTimedOut, headTimeoutNanos, TimeUnit.NANOSECONDS);
                    }
                }
                raw.fireChannelRead(msg);
            }
        };
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest req) {
            headStartNanos = 0;
            inBody = true;
            String problem = req.decoderResult().isSuccess() ? problem(req) : null;
            if (problem != null) {
                ReferenceCountUtil.release(msg);
                refuse(RequestRejection.of(req, HttpResponseStatus.BAD_REQUEST, problem));
                return;
            }
        }
        if (msg instanceof LastHttpContent) {
            inBody = false;
        }
        ctx.fireChannelRead(msg);
    }

    /** What is wrong with a decoded head, or null. */
    static String problem(HttpRequest req) {
        List<String> codings = req.headers().getAll(HttpHeaderNames.TRANSFER_ENCODING);
        if (!codings.isEmpty()) {
            String all = String.join(",", codings).strip();
            if (!all.equalsIgnoreCase(HttpHeaderValues.CHUNKED.toString())) {
                return "unsupported Transfer-Encoding '" + all + "': only a single chunked is accepted";
            }
        }
        if (req.protocolVersion().equals(HttpVersion.HTTP_1_1)) {
            int hosts = req.headers().getAll(HttpHeaderNames.HOST).size();
            if (hosts != 1) {
                return "an HTTP/1.1 request needs exactly one Host header, got " + hosts;
            }
        }
        return null;
    }

    private void headTimedOut() {
        deadline = null;
        if (headStartNanos == 0 || refused || !ctx.channel().isActive()) {
            return;
        }
        long left = headTimeoutNanos - (System.nanoTime() - headStartNanos);
        if (left > 0) {
            deadline = ctx.executor().schedule(this::headTimedOut, left, TimeUnit.NANOSECONDS);
        } else {
            refuse(RequestRejection.of(null, HttpResponseStatus.REQUEST_TIMEOUT,
                    "request head not received within " + TimeUnit.NANOSECONDS.toMillis(headTimeoutNanos) + " ms"));
        }
    }

    private void refuse(Object placeholder) {
        refused = true;
        ctx.fireChannelRead(placeholder);
    }

    private void stopDeadline() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        stopDeadline();
        ctx.fireChannelInactive();
    }
}
