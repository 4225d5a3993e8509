package dev.salvo.benchmarks.peers.adapters;

import dev.salvo.benchmarks.peers.PeerClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The JDK's {@link HttpClient}, bare: {@code sendAsync} with a byte-array body handler, HTTP/1.1
 * (the server speaks nothing else; without it the client offers an h2c upgrade on new
 * connections), default executor and an unbounded connection pool.
 */
public final class JdkHttpClientPeer implements PeerClient {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

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
