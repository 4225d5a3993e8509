package dev.salvo.benchmarks.peers.adapters;

import dev.salvo.benchmarks.peers.PeerClient;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.HttpClientTransportOverHTTP2;

/**
 * Jetty's HttpClient 12 over HTTP/1.1: the asynchronous {@code send(listener)} API with a
 * {@link BufferingResponseListener}, a connection pool per destination as large as the highest
 * concurrency, the default thread pool and selector count, redirects off, 5 min idle timeout.
 * With {@code http2}: the same client on {@link HttpClientTransportOverHTTP2} (h2c with prior
 * knowledge on {@code http://}), which multiplexes requests over a connection up to the server's
 * stream limit and opens more only beyond it.
 */
public final class JettyPeer implements PeerClient {
    private static final int MAX_BODY = 1 << 20;

    private final HttpClient client;

    public JettyPeer(int maxConcurrency, boolean http2) throws Exception {
        client = http2 ? new HttpClient(new HttpClientTransportOverHTTP2(new HTTP2Client())) : new HttpClient();
        client.setMaxConnectionsPerDestination(maxConcurrency);
        client.setMaxRequestsQueuedPerDestination(Math.max(1024, 4 * maxConcurrency));
        client.setFollowRedirects(false);
        client.setIdleTimeout(300_000);
        client.start();
    }

    @Override
    public CompletableFuture<Integer> get(String url) {
        CompletableFuture<Integer> body = new CompletableFuture<>();
        try {
            client.newRequest(url).send(new BufferingResponseListener(MAX_BODY) {
                @Override
                public void onComplete(Result result) {
                    if (result.isFailed()) {
                        body.completeExceptionally(result.getFailure());
                    } else if (result.getResponse().getStatus() != 200) {
                        body.completeExceptionally(PeerClient.unexpectedStatus(result.getResponse().getStatus(), url));
                    } else {
                        body.complete(getContent().length);
                    }
                }
            });
        } catch (RuntimeException e) {
            body.completeExceptionally(e);
        }
        return body;
    }

    @Override
    public void close() throws Exception {
        client.stop();
    }
}
