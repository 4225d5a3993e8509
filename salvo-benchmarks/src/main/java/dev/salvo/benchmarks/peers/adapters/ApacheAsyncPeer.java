package dev.salvo.benchmarks.peers.adapters;

import dev.salvo.benchmarks.peers.PeerClient;
import java.util.concurrent.CompletableFuture;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;

/**
 * Apache HttpClient 5's async client (HTTP/1.1 over its own NIO reactor): pooling connection
 * manager with total and per-route limits at the highest concurrency (the defaults, 25 and 5,
 * would throttle it), one I/O thread per core, {@link SimpleRequestBuilder} requests with
 * in-memory bodies, redirects off.
 */
public final class ApacheAsyncPeer implements PeerClient {
    private final CloseableHttpAsyncClient client;

    public ApacheAsyncPeer(int maxConcurrency) {
        client = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(maxConcurrency)
                        .setMaxConnPerRoute(maxConcurrency)
                        .build())
                .setIOReactorConfig(IOReactorConfig.custom()
                        .setIoThreadCount(Runtime.getRuntime().availableProcessors())
                        .setTcpNoDelay(true)
                        .build())
                .disableRedirectHandling()
                .build();
        client.start();
    }

    @Override
    public CompletableFuture<Integer> get(String url) {
        CompletableFuture<Integer> body = new CompletableFuture<>();
        try {
            client.execute(SimpleRequestBuilder.get(url).build(), new FutureCallback<SimpleHttpResponse>() {
                @Override
                public void completed(SimpleHttpResponse response) {
                    if (response.getCode() != 200) {
                        body.completeExceptionally(PeerClient.unexpectedStatus(response.getCode(), url));
                    } else {
                        byte[] bytes = response.getBodyBytes();
                        body.complete(bytes == null ? 0 : bytes.length);
                    }
                }

                @Override
                public void failed(Exception e) {
                    body.completeExceptionally(e);
                }

                @Override
                public void cancelled() {
                    body.cancel(false);
                }
            });
        } catch (RuntimeException e) {
            body.completeExceptionally(e);
        }
        return body;
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
