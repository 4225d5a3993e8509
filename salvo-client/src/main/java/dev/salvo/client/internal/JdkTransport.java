package dev.salvo.client.internal;

import dev.salvo.client.spi.Exchange;
import dev.salvo.client.Headers;
import dev.salvo.client.Request;
import dev.salvo.client.Response;
import dev.salvo.client.spi.Transport;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@link Transport} over the JDK's {@link HttpClient}: HTTP/1.1 and HTTP/2, TLS and proxies as the
 * given builder configures them; redirects off. Thread-safe. Cancelling a future cancels the
 * JDK's exchange, which aborts it.
 */
public final class JdkTransport implements Transport {
    private final HttpClient client;
    private final boolean owned;

    /** @param owned whether {@link #close()} shuts the client down */
    public JdkTransport(HttpClient.Builder builder, boolean owned) {
        this.client = builder.followRedirects(HttpClient.Redirect.NEVER).build();
        this.owned = owned;
    }

    @Override
    public CompletableFuture<Response> execute(Request request, Exchange exchange) {
        HttpRequest jdkRequest;
        try {
            jdkRequest = toJdk(request);
        } catch (IllegalArgumentException e) {
            // e.g. a header the JDK client reserves for itself (Host, Connection, Content-Length)
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "the JDK transport cannot send " + request + ": " + e.getMessage(), e));
        }
        // the headers, converted once when they arrive, travel with the body to the response
        CompletableFuture<HttpResponse<Response>> sent = client.sendAsync(jdkRequest, info -> {
            Headers headers = fromJdk(info.headers());
            exchange.responseHeaders(info.statusCode(), headers);
            return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofByteArray(),
                    body -> Response.ofOwned(request, info.statusCode(), headers, body));
        });
        CompletableFuture<Response> result = new CompletableFuture<>();
        sent.whenComplete((response, error) -> {
            if (error != null) {
                result.completeExceptionally(Failures.classify(error, request));
            } else {
                result.complete(response.body());
            }
        });
        result.whenComplete((response, error) -> {
            if (result.isCancelled()) {
                sent.cancel(true);
            }
        });
        return result;
    }

    private static HttpRequest toJdk(Request request) {
        byte[] body = request.body();
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
                .method(request.method(), body.length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        Headers headers = request.headers();
        for (int i = 0; i < headers.size(); i++) {
            builder.header(headers.name(i), headers.value(i));
        }
        return builder.build();
    }

    private static Headers fromJdk(HttpHeaders headers) {
        Headers.Builder builder = Headers.builder();
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
