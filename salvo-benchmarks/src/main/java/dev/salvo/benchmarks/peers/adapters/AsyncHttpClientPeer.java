package dev.salvo.benchmarks.peers.adapters;

import dev.salvo.benchmarks.peers.PeerClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.asynchttpclient.AsyncHttpClient;
import org.asynchttpclient.Dsl;

/**
 * AsyncHttpClient 3 (Netty): keep-alive pool without a connection cap, native epoll, I/O threads
 * at the library's default (two per core), redirects off.
 */
public final class AsyncHttpClientPeer implements PeerClient {
    private final AsyncHttpClient client;

    public AsyncHttpClientPeer(int maxConcurrency) {
        client = Dsl.asyncHttpClient(Dsl.config()
                .setMaxConnections(-1)
                .setMaxConnectionsPerHost(Math.max(maxConcurrency, 1))
                .setKeepAlive(true)
                .setUseNativeTransport(true)
                .setFollowRedirect(false)
                .setPooledConnectionIdleTimeout(Duration.ofMinutes(5))
                .setRequestTimeout(Duration.ofSeconds(30)));
    }

    @Override
    public CompletableFuture<Integer> get(String url) {
        return client.prepareGet(url).execute().toCompletableFuture().thenApply(response -> {
            if (response.getStatusCode() != 200) {
                throw new CompletionException(PeerClient.unexpectedStatus(response.getStatusCode(), url));
            }
            return response.getResponseBodyAsBytes().length;
        });
    }

    @Override
    public void close() throws Exception {
        client.close();
    }
}
