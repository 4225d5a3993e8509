package dev.salvo.netty.internal;

import dev.salvo.client.CallEvent;
import dev.salvo.client.ConnectionClosedException;
import dev.salvo.client.Headers;
import dev.salvo.client.HttpVersion;
import dev.salvo.client.Request;
import dev.salvo.client.RequestBody;
import dev.salvo.client.SalvoIOException;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2DataChunkedInput;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2ResetFrame;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.stream.ChunkedStream;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call on one HTTP/2 stream: the handler of the stream's child channel. Sends the request
 * (HEADERS, then DATA; a streamed body only as fast as the stream's window opens), hands the
 * response body to the exchange's subscriber through a {@link BodyFlow} — a subscriber without
 * demand stops the child channel reading, so this stream's WINDOW_UPDATEs stop and the others go
 * on — and frees its slot in the pool as soon as Netty's codec closed the stream (right after the
 * response's last frame) or the call failed.
 * Confined to the connection's event loop; other threads reach it through {@link #abort}.
 */
final class H2Stream extends CallHandler {
    private static final Logger LOG = LoggerFactory.getLogger(H2Stream.class);
    private static final int PIECE_BYTES = 16 * 1024;

    private final H2Connection connection;
    private final H2Pool pool;
    private Http2StreamChannel channel;
    private boolean responseStarted;
    private boolean headersDone;
    private boolean slotHeld = true;
    private boolean requestBodyWriting;
    /** Whether the connection carried a stream before this one. */
    private boolean reused;

    H2Stream(H2Connection connection) {
        this.connection = connection;
        this.pool = connection.pool();
    }

    @Override
    public void start(PendingExchange call) {
        if (call.isDone()) {
            freeSlot();
            return;
        }
        current = call;
        reused = connection.streamStarted(this);
        connection.openStream().addListener(opened -> {
            if (!opened.isSuccess()) {
                lost(opened.cause());
                return;
            }
            channel = (Http2StreamChannel) opened.getNow();
            channel.pipeline().addLast(this);
            if (current != call) {
                channel.close();
            } else {
                send(call);
            }
        });
    }

    private void send(PendingExchange call) {
        Request request = call.request();
        RequestBody requestBody = request.body();
        boolean empty = requestBody.isEmpty();
        DefaultHttp2HeadersFrame head = new DefaultHttp2HeadersFrame(H2Headers.request(request, pool.origin()), empty);
        boolean phases = call.listensToWrites();
        ChannelFuture headWritten = channel.write(head);
        int id = channel.stream().id(); // the codec numbers the stream as its HEADERS are written
        if (id > 0) {
            connection.streamNumbered(id, this);
        }
        if (phases) {
            headWritten.addListener(call.headSent(0));
        }
        call.acquired(reused, id);
        if (empty) {
            connection.flush(channel);
            return;
        }
        ByteBuffer inline = requestBody.bytes().orElse(null);
        if (inline != null) {
            int bytes = inline.remaining();
            ChannelFuture written = channel.write(new DefaultHttp2DataFrame(Unpooled.wrappedBuffer(inline), true));
            if (phases) {
                written.addListener(done -> {
                    if (done.isSuccess()) {
                        call.bodySent(bytes);
                    }
                });
            }
            connection.flush(channel);
            return;
        }
        InputStream in;
        try {
            in = requestBody.openStream();
        } catch (IOException | RuntimeException e) {
            fail(FailureClassifier.requestBody(pool.origin(), e));
            return;
        }
        channel.pipeline().addFirst(new ChunkedWriteHandler());
        requestBodyWriting = true;
        ChunkedStream pieces = new ChunkedStream(in, PIECE_BYTES);
        channel.writeAndFlush(new Http2DataChunkedInput(pieces, channel.stream()))
                .addListener(written -> {
                    requestBodyWriting = false;
                    if (written.isSuccess()) {
                        call.bodySent(pieces.transferredBytes());
                    }
                    if (!written.isSuccess() && current == call && !channel.isActive()) {
                        return; // the stream ended: channelInactive reports it
                    }
                    if (!written.isSuccess() && current == call) {
                        fail(FailureClassifier.requestBody(pool.origin(), written.cause()));
                    }
                });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        try {
            PendingExchange call = current;
            if (call == null) {
                return;
            }
            if (message instanceof Http2HeadersFrame frame) {
                headersArrived(call, frame);
            } else if (message instanceof Http2DataFrame data) {
                if (body != null) {
                    body.piece(data.content());
                    if (data.isEndStream() && current == call) {
                        body.last();
                    }
                }
            }
        } finally {
            ReferenceCountUtil.release(message);
        }
    }

    private void headersArrived(PendingExchange call, Http2HeadersFrame frame) {
        if (!responseStarted) {
            call.reached(CallEvent.Phase.RESPONSE_FIRST_BYTE);
        }
        responseStarted = true;
        if (headersDone) {
            trailersArrived(call, frame);
            return;
        }
        int status;
        Headers headers;
        try {
            status = H2Headers.status(frame.headers());
            headers = H2Headers.response(frame.headers());
        } catch (IllegalArgumentException e) {
            fail(FailureClassifier.malformed(pool.origin(), e.getMessage(), null));
            return;
        }
        if (status < 200) {
            return; // 100 Continue, 103 Early Hints: the real response follows
        }
        headersDone = true;
        if (openBody(call, channel, status, headers, HttpVersion.HTTP_2) && frame.isEndStream()) {
            body.last();
        }
    }

    /** Netty hands RST_STREAM to the stream as an event: it is not flow-controlled. */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        PendingExchange call = current;
        if (event instanceof Http2ResetFrame reset) {
            if (call != null) {
                resetArrived(call, reset);
            }
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    private void trailersArrived(PendingExchange call, Http2HeadersFrame frame) {
        try {
            call.exchange().trailers(H2Headers.response(frame.headers()));
        } catch (IllegalArgumentException e) {
            fail(FailureClassifier.malformed(pool.origin(), "bad trailer field", e));
            return;
        }
        if (frame.isEndStream() && body != null && current == call) {
            body.last();
        }
    }

    private void resetArrived(PendingExchange call, Http2ResetFrame reset) {
        Http2Error error = Http2Error.valueOf(reset.errorCode());
        if (error == Http2Error.REFUSED_STREAM && !responseStarted && resendUnprocessed(call, "refused the stream")) {
            return;
        }
        // the stream was closed under the call, as a connection closed under an HTTP/1.1 exchange
        fail(new ConnectionClosedException("the server " + pool.origin() + " reset the stream ("
                + (error == null ? "error " + reset.errorCode() : error.name()) + ')'));
    }

    @Override
    public void bodyEnded(PendingExchange call) {
        if (current != call) {
            return;
        }
        forgetCall();
        connection.streamFinished(this);
        if (requestBodyWriting) {
            channel.close(); // the server answered before taking the whole body: RST_STREAM
        }
        // the slot frees as the codec closes the stream, right after this frame (streamClosed): freed
        // here, the next call's stream would open while this one still counts against the server's limit
        call.complete(null);
    }

    /** Netty's codec closed the stream (both sides ended, or reset): its slot frees. */
    void streamClosed() {
        freeSlot();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (current != null) {
            fail(FailureClassifier.duringExchange(pool.origin(), responseStarted, cause));
        }
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (body == null || !body.lastArrived()) {
            lost(null); // else the stream ended whole while its subscriber is behind: it takes the rest
        }
        freeSlot();
        ctx.fireChannelInactive();
    }

    /** The stream ended under the call in flight: sent again if never processed, else failed. */
    private void lost(Throwable cause) {
        PendingExchange call = current;
        if (call == null) {
            freeSlot();
            return;
        }
        int id = channel == null ? -1 : channel.stream().id();
        boolean neverSent = id <= 0; // no stream id yet: its HEADERS never went out
        if (!responseStarted && (neverSent || connection.unprocessed(id)) && !pool.isClosed()
                && resendUnprocessed(call, "went away before processing the stream")) {
            return;
        }
        SalvoIOException why = connection.failure();
        if (why == null) {
            why = cause == null ? FailureClassifier.closed(pool.origin(), responseStarted, null)
                    : FailureClassifier.duringExchange(pool.origin(), responseStarted, cause);
        }
        fail(pool.isClosed() ? pool.closedFailure() : why);
    }

    /** Sends {@code call} again on another stream, not counting as a retry; false when it may not. */
    private boolean resendUnprocessed(PendingExchange call, String why) {
        if (!call.resendUnprocessed()) {
            return false;
        }
        drop();
        LOG.debug("[{}] #{} {} {}; sending it again", Thread.currentThread().getName(), call.exchange().requestId(), pool.origin(), why);
        call.exchange().resending(FailureClassifier.closed(pool.origin(), false, null));
        pool.acquire(call);
        return true;
    }

    private void freeSlot() {
        if (slotHeld) {
            slotHeld = false;
            pool.streamEnded(connection);
        }
    }

    /** Cancels {@code call} if it still runs here: RST_STREAM, the slot frees, the connection stays. */
    @Override
    public void abort(PendingExchange call) {
        EventLoops.runOn(connection.channel(), () -> {
            if (current == call) {
                LOG.debug("[{}] #{} aborted; resetting its stream", Thread.currentThread().getName(), call.exchange().requestId());
                drop();
            }
        });
    }

    /** Forgets the call in flight, resets the stream if it is open and frees the slot. */
    @Override
    void drop() {
        forgetCall();
        connection.streamFinished(this);
        if (channel != null) {
            channel.close();
        }
        freeSlot();
    }

    @Override
    public String toString() {
        return "H2Stream[" + channel + ']';
    }
}
