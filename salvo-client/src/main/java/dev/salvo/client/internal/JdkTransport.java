package dev.salvo.client.internal;

import dev.salvo.client.CallEvent;
import dev.salvo.client.Headers;
import dev.salvo.client.HttpVersion;
import dev.salvo.client.Request;
import dev.salvo.client.RequestBody;
import dev.salvo.client.spi.Exchange;
import dev.salvo.client.spi.Transport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;

/**
 * {@link Transport} over the JDK's {@link HttpClient}: HTTP/1.1 and HTTP/2, TLS and proxies as the
 * given builder configures them; redirects off. Thread-safe. Cancelling a future cancels the
 * JDK's exchange, which aborts it. Of the transport's phases it reports only REQUEST_BODY_SENT
 * ({@link SentBodyPublisher}): the JDK client keeps its connections to itself. The body flows with the JDK's own backpressure: the JDK reads
 * from the socket only what the body's subscriber requested ({@link JdkBody}).
 *
 * <p><b>Threads.</b> The JDK client runs its exchanges' tasks (parsing, body delivery, writes) on
 * its executor; its selector thread waits for the sockets and hands work over. {@link #onVirtualThreads} gives
 * it a new virtual thread per task instead of its own pool of platform threads, so the tasks share
 * the carriers of the client's callback lane: a task that ends a call wakes the lane's worker by a
 * push onto the carrier it runs on, not by waking a parked platform thread. User stages still run
 * on the lane, never inside the JDK's task: a stage that blocks there would hold up what the JDK
 * runs that task for (the body's delivery; on HTTP/1.1 the connection's reader), with no watchdog
 * to hand the work on, and stages would lose the lane's order.
 */
public final class JdkTransport implements Transport {
    private final HttpClient client;
    private final boolean owned;
    private final boolean http1OnCleartext;

    /**
     * @param owned whether {@link #close()} shuts the client down
     * @param http1OnCleartext whether {@code http://} requests ask for HTTP/1.1 (no {@code Upgrade: h2c}
     *     on every new connection, as the Netty transport); {@code https://} still negotiates h2 by ALPN
     */
    public JdkTransport(HttpClient.Builder builder, boolean owned, boolean http1OnCleartext) {
        this.client = builder.followRedirects(HttpClient.Redirect.NEVER).build();
        this.owned = owned;
        this.http1OnCleartext = http1OnCleartext;
    }

    /**
     * The default transport: {@code builder} with an executor that runs each of the JDK's tasks on
     * a new virtual thread named {@code salvo-jdk}; closed with the client.
     */
    public static JdkTransport onVirtualThreads(HttpClient.Builder builder) {
        ThreadFactory threads = Thread.ofVirtual().name("salvo-jdk").factory();
        return new JdkTransport(builder.executor(task -> threads.newThread(task).start()), true, true);
    }

    @Override
    public CompletableFuture<Void> execute(Request request, Exchange exchange) {
        HttpRequest jdkRequest;
        try {
            jdkRequest = toJdk(request, exchange);
        } catch (IllegalArgumentException e) {
            // e.g. a header the JDK client reserves for itself (Host, Connection, Content-Length)
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "the JDK transport cannot send " + request + ": " + e.getMessage(), e));
        }
        JdkBody body = new JdkBody(request);
        // the JDK's future completes with the headers; the body then flows through JdkBody
        body.sentAs(client.sendAsync(jdkRequest,
                info -> body.start(exchange.responseHeaders(info.statusCode(), fromJdk(info.headers()),
                        info.version() == HttpClient.Version.HTTP_2 ? HttpVersion.HTTP_2 : HttpVersion.HTTP_1_1))));
        return body.done;
    }

    private HttpRequest toJdk(Request request, Exchange exchange) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri());
        if (request.body().isEmpty()) {
            withoutBody(builder, request.method());
        } else {
            HttpRequest.BodyPublisher body = publisher(request.body());
            builder.method(request.method(), exchange.listensTo(CallEvent.Phase.REQUEST_BODY_SENT) ? new SentBodyPublisher(body, exchange) : body);
        }
        if (http1OnCleartext && !request.origin().isSecure()) {
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        Headers headers = request.headers();
        for (int i = 0; i < headers.size(); i++) {
            builder.header(headers.name(i), headers.value(i));
        }
        return builder.build();
    }

    /**
     * A request without a body: GET, HEAD and DELETE with no publisher at all, as the JDK's own
     * {@code GET()} makes them (no {@code Content-Length: 0} on the wire); other methods with an
     * empty one ({@code Content-Length: 0}).
     */
    private static void withoutBody(HttpRequest.Builder builder, String method) {
        switch (method) {
            case "GET" -> builder.GET();
            case "HEAD" -> builder.HEAD();
            case "DELETE" -> builder.DELETE();
            default -> builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
    }

    /** The JDK publisher for a body: bytes and files as they are, streams with their length or chunked. */
    private static HttpRequest.BodyPublisher publisher(RequestBody body) {
        Optional<ByteBuffer> bytes = body.bytes();
        if (bytes.isPresent()) {
            ByteBuffer buffer = bytes.get();
            byte[] array = new byte[buffer.remaining()];
            buffer.get(array);
            return HttpRequest.BodyPublishers.ofByteArray(array);
        }
        HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(() -> {
            try {
                return body.openStream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return body.length() < 0 ? stream : HttpRequest.BodyPublishers.fromPublisher(stream, body.length());
    }

    private static Headers fromJdk(HttpHeaders headers) {
        Headers.Builder builder = Headers.newBuilder();
        for (Map.Entry<String, List<String>> field : headers.map().entrySet()) {
            if (field.getKey().startsWith(":")) {
                continue; // HTTP/2 pseudo-headers
            }
            for (String value : field.getValue()) {
                builder.add(field.getKey(), value);
            }
        }
        return builder.build();
    }

    @Override
    public void close() {
        if (owned) {
            client.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "JdkTransport[" + client.version() + ']';
    }
}
