package dev.salvo.server.internal.http;

import dev.salvo.server.ServerConfig;
import dev.salvo.server.internal.strategy.ServingStrategy;
import dev.salvo.server.internal.strategy.Work;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.handler.stream.ChunkedInput;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpChunkedInput;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request and its reply. Endpoints read the request, may {@link #spend} work through the
 * serving strategy, then reply exactly once: a full reply ({@link #reply}, {@link #replyJson},
 * {@link #replyError}), a pulled stream ({@link #stream}), a paced stream ({@link #startStream},
 * {@link #writeChunk}, {@link #endStream}),
 * an {@link #abort()}, {@link #abandon()} or {@link #endUnanswered}. A second reply is ignored. HEAD replies carry the
 * headers of the GET reply and no body.
 */
public final class Exchange {
    private static final Logger LOG = LoggerFactory.getLogger(Exchange.class);
    /** Headers that frame the message on the wire (RFC 9110 §7.6.1, RFC 9112 §6): never from a request. */
    private static final java.util.Set<String> FRAMING = java.util.Set.of("content-length", "transfer-encoding",
            "connection", "keep-alive", "upgrade", "trailer", "te", "proxy-connection");
    private final long id;
    private final Channel channel;
    private final String origin;
    private final FullHttpRequest request;
    private final String path;
    private final Map<String, List<String>> query;
    /** Why the request-target cannot be decoded, or null. */
    private final HttpError badTarget;
    private final ServerConfig config;
    private final ServingStrategy strategy;
    private final ExchangeListener listener;
    private final long startNanos = System.nanoTime();
    private Map<String, String> pathVariables = Map.of();
    private Map<String, List<String>> form;
    private HttpHeaders extraHeaders;
    private boolean replied;
    private boolean streaming;
    private boolean keepAlive;
    private HttpResponseStatus streamStatus;

    public Exchange(long id, Channel channel, String origin, FullHttpRequest request, ServerConfig config,
                    ServingStrategy strategy, ExchangeListener listener) {
        this.id = id;
        this.channel = channel;
        this.origin = origin;
        this.request = request;
        QueryStringDecoder target = new QueryStringDecoder(originForm(request.uri()));
        String decodedPath;
        Map<String, List<String>> decodedQuery;
        HttpError error = null;
        try {
            decodedPath = target.path();
            decodedQuery = target.parameters();
            PercentEncoding.requireUtf8(target.uri());
        } catch (IllegalArgumentException e) { // bad percent-encoding or UTF-8
            decodedPath = target.rawPath();
            decodedQuery = Map.of();
            error = HttpError.badRequest("malformed request-target " + target.uri() + ": " + e.getMessage());
        }
        this.path = decodedPath;
        this.query = decodedQuery;
        this.badTarget = error;
        this.config = config;
        this.strategy = strategy;
        this.listener = listener;
        this.keepAlive = HttpUtil.isKeepAlive(request);
    }

    public long id() { return id; }
    public HttpMethod method() { return request.method(); }
    /** The decoded path, e.g. {@code /status/200}; the raw one when it cannot be decoded. */
    public String path() { return path; }

    /** Throws the 400 for a request-target that is not valid percent-encoded UTF-8. */
    void requireValidTarget() {
        if (badTarget != null) {
            throw badTarget;
        }
    }
    public FullHttpRequest request() { return request; }
    public HttpHeaders headers() { return request.headers(); }
    public ServerConfig config() { return config; }
    public long startNanos() { return startNanos; }
    public ByteBufAllocator alloc() { return channel.alloc(); }
    public EventLoop eventLoop() { return channel.eventLoop(); }

    /** Every query parameter in order of appearance. */
    public Map<String, List<String>> queryParameters() { return query; }

    /** The first value of query parameter {@code name}. */
    public Optional<String> param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    /** A variable of the matched route's pattern; {@code "**"} is the rest of the path. */
    public String pathVariable(String name) {
        String v = pathVariables.get(name);
        if (v == null) {
            throw new IllegalStateException("route has no variable " + name);
        }
        return v;
    }

    void pathVariables(Map<String, String> vars) { this.pathVariables = vars; }

    /**
     * The body decoded as {@code application/x-www-form-urlencoded}, whatever the content type says.
     *
     * @throws HttpError 400 when the body is not valid percent-encoded UTF-8
     */
    public Map<String, List<String>> formParameters() {
        if (form == null) {
            try {
                String text = bodyText();
                form = new QueryStringDecoder(text, StandardCharsets.UTF_8, false).parameters();
                PercentEncoding.requireUtf8(text);
            } catch (IllegalArgumentException e) {
                throw HttpError.badRequest("malformed form body: " + e.getMessage());
            }
        }
        return form;
    }

    /** The first value of form field {@code name} in the body. */
    public Optional<String> formParam(String name) {
        List<String> values = formParameters().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    public Optional<String> header(CharSequence name) { return Optional.ofNullable(request.headers().get(name)); }
    public ByteBuf body() { return request.content(); }
    public String bodyText() { return request.content().toString(StandardCharsets.UTF_8); }

    /** The client's IP address. */
    public String origin() {
        return origin;
    }

    /**
     * The absolute URL the client asked for: as sent (absolute-form, via a proxy), else from the
     * Host header (HTTP/2's {@code :authority}), {@code https://} on a TLS port.
     */
    public String url() {
        if (isAbsoluteForm(request.uri())) {
            return request.uri();
        }
        String host = header(HttpHeaderNames.HOST).orElseGet(() -> config.host() + ":" + localPort());
        return (config.tls().isPresent() ? "https://" : "http://") + host + request.uri();
    }

    /**
     * The path and query of a request-target: RFC 9112 §3.2.2 has servers accept the absolute form
     * ({@code GET http://host/get HTTP/1.1}) that clients send to proxies.
     */
    static String originForm(String target) {
        if (!isAbsoluteForm(target)) {
            return target;
        }
        int authority = target.indexOf("://") + 3;
        int path = indexOfAny(target, authority, '/', '?');
        if (path < 0) {
            return "/";
        }
        return target.charAt(path) == '?' ? "/" + target.substring(path) : target.substring(path);
    }

    private static boolean isAbsoluteForm(String target) {
        return target.regionMatches(true, 0, "http://", 0, 7) || target.regionMatches(true, 0, "https://", 0, 8);
    }

    private static int indexOfAny(String s, int from, char a, char b) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == a || s.charAt(i) == b) {
                return i;
            }
        }
        return -1;
    }

    public int localPort() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /**
     * Spends {@code work} as the serving strategy says, then runs {@code then}; a failure of
     * {@code then} still ends in a reply (its {@link HttpError}, or a 500).
     */
    public void spend(Work work, Runnable then) {
        strategy.spend(work, channel.eventLoop(), () -> {
            try {
                then.run();
            } catch (HttpError e) {
                replyError(e.status(), e.detail());
            } catch (RuntimeException e) {
                LOG.warn("request {} failed after its work on {}: {}", id, Thread.currentThread().getName(), e.toString());
                LOG.debug("request {} failure", id, e);
                replyError(HttpResponseStatus.INTERNAL_SERVER_ERROR, "the endpoint failed: " + e);
            }
        });
    }

    /**
     * Adds a header to the coming reply. Names and values are validated (no control bytes, no
     * separators in names), and the framing headers are the server's alone.
     *
     * @throws HttpError 400 for an invalid or framing header; the headers added before are dropped
     */
    public Exchange responseHeader(CharSequence name, Object value) {
        if (FRAMING.contains(name.toString().toLowerCase(java.util.Locale.ROOT))) {
            extraHeaders = null;
            throw HttpError.badRequest("response header " + name + " is set by the server and cannot be asked for");
        }
        if (extraHeaders == null) {
            extraHeaders = new DefaultHttpHeaders();
        }
        try {
            extraHeaders.add(name, value);
        } catch (IllegalArgumentException e) {
            extraHeaders = null;
            throw HttpError.badRequest("invalid response header " + name + ": " + e.getMessage());
        }
        return this;
    }

    /** Close the connection after the reply. */
    public void closeAfterReply() { keepAlive = false; }

    public void reply(HttpResponseStatus status, CharSequence contentType, ByteBuf body) {
        if (replied) {
            body.release();
            return;
        }
        replied = true;
        int length = body.readableBytes();
        ByteBuf sent = body;
        if (method().equals(HttpMethod.HEAD)) {
            body.release();
            sent = Unpooled.EMPTY_BUFFER;
        }
        DefaultFullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, sent);
        HttpHeaders h = res.headers();
        if (contentType != null) {
            h.set(HttpHeaderNames.CONTENT_TYPE, contentType);
        }
        h.setInt(HttpHeaderNames.CONTENT_LENGTH, length);
        decorate(res);
        listener.replied(this, status.code(), length, keepAlive, channel.writeAndFlush(res));
    }

    public void replyText(HttpResponseStatus status, CharSequence contentType, String text) {
        reply(status, contentType, io.netty.buffer.ByteBufUtil.writeUtf8(alloc(), text));
    }

    public void replyJson(HttpResponseStatus status, JsonBody body) {
        reply(status, HttpHeaderValues.APPLICATION_JSON, JsonRenderer.render(alloc(), body));
    }

    public void replyError(HttpResponseStatus status, String detail) {
        if (streaming) {
            abort();
            return;
        }
        replyJson(status, JsonRenderer.error(status, detail));
    }

    /** Sends the status line and headers; the body follows in chunks ({@code contentLength < 0}) or raw. */
    public void startStream(HttpResponseStatus status, CharSequence contentType, long contentLength) {
        if (replied) {
            return;
        }
        replied = true;
        streaming = true;
        streamStatus = status;
        HttpResponse res = new DefaultHttpResponse(HttpVersion.HTTP_1_1, status);
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        if (contentLength >= 0) {
            HttpUtil.setContentLength(res, contentLength);
        } else {
            HttpUtil.setTransferEncodingChunked(res, true);
        }
        decorate(res);
        channel.writeAndFlush(res);
    }

    /**
     * Replies with {@code body}, pulled as the client takes it: a piece is produced only while the
     * connection is writable, so a client that stops reading holds at most the write buffer's high
     * water mark plus one piece. Chunked when {@code contentLength < 0}.
     */
    public void stream(HttpResponseStatus status, CharSequence contentType, long contentLength, ChunkedInput<ByteBuf> body) {
        if (replied) {
            closeQuietly(body);
            return;
        }
        startStream(status, contentType, contentLength);
        ChannelFuture done;
        if (method().equals(HttpMethod.HEAD)) {
            closeQuietly(body);
            done = channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        } else {
            if (channel.pipeline().get(ChunkedWriteHandler.class) == null) {
                // added on a connection's first stream, at the tail (the first to see writes), so the
                // ordinary replies never pay for it
                channel.pipeline().addLast(new ChunkedWriteHandler());
            }
            done = channel.writeAndFlush(new HttpChunkedInput(body));
        }
        listener.replied(this, status.code(), contentLength, keepAlive, done);
    }

    private static void closeQuietly(ChunkedInput<ByteBuf> body) {
        try {
            body.close();
        } catch (Exception e) {
            LOG.debug("closing a body failed: {}", e.toString());
        }
    }

    /** Writes one piece of a stream begun with {@link #startStream}; for bodies paced by timers. */
    public ChannelFuture writeChunk(ByteBuf chunk) {
        return channel.writeAndFlush(new DefaultHttpContent(chunk));
    }

    public void endStream() {
        listener.replied(this, streamStatus.code(), -1, keepAlive, channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT));
    }

    /** Closes the connection now, whatever was sent; the client sees a cut reply. */
    public void abort() {
        replied = true;
        keepAlive = false;
        listener.replied(this, streamStatus == null ? 0 : streamStatus.code(), -1, false, channel.close());
    }

    /**
     * The channel the request came on: the connection's, or on HTTP/2 the stream's own (whose
     * {@code parent()} is the connection). For the fault endpoints, which break the protocol on purpose.
     */
    public Channel channel() { return channel; }

    /**
     * Ends the exchange without a reply once {@code done} completes ({@code bytes} written, -1 when
     * unknown); the channel is not used again. For the fault endpoints.
     */
    public void endUnanswered(long bytes, ChannelFuture done) {
        replied = true;
        keepAlive = false;
        listener.replied(this, 0, bytes, false, done);
    }

    /** Never replies; the connection is left to the client or the idle timeout. */
    public void abandon() {
        replied = true;
        listener.abandoned(this);
    }

    public boolean isReplied() { return replied; }

    private void decorate(HttpResponse res) {
        HttpHeaders h = res.headers();
        if (extraHeaders != null) {
            h.add(extraHeaders);
        }
        if (!keepAlive) {
            h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (request.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
            h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
    }
}
