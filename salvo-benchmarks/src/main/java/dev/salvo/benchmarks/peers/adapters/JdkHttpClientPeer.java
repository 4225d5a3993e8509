package dev.salvo.benchmarks.peers.adapters;

import dev.salvo.benchmarks.peers.PeerClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The JDK's {@link HttpClient}, bare: {@code sendAsync} with a byte-array body handler, default
 * executor and an unbounded connection pool. HTTP/1.1 (without it the client offers an h2c upgrade
 * on new connections); with {@code http2}, HTTP/2, which on {@code http://} it reaches only by
 * {@code Upgrade: h2c} on each new connection (it has no prior-knowledge mode), then multiplexes.
 */
public final class JdkHttpClientPeer implements PeerClient {
    private final HttpClient client;

    public JdkHttpClientPeer(boolean http2) {
        client = HttpClient.newBuilder().version(version(http2)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The client version for the harness's protocol. */
    public static HttpClient.Version version(boolean http2) {
        return http2 ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1;
    }

    @Override
    public CompletableFuture<Integer> get(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).GET().build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenApply(response -> {
            if (response.statusCode() != 200) {
                throw new CompletionException(PeerClient.unexpectedStatus(response.statusCode(), url));
            }
            return response.body().length;
        });
    }

    @Override
    public void close() {
        client.close();
    }
}
