package dev.salvo.benchmarks.peers.adapters;

import dev.salvo.benchmarks.peers.PeerClient;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClient;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Vert.x 4.5's WebClient over an HttpClient with an HTTP/1.1 pool as large as the highest
 * concurrency, keep-alive, native epoll preferred, the default event-loop count (two per core).
 * Requests sent from a completion run on that connection's event loop, as Vert.x intends. With
 * {@code http2}: HTTP/2 with {@code setHttp2ClearTextUpgrade(false)} (h2c with prior knowledge),
 * the default HTTP/2 pool (one connection, as many streams as the server allows).
 */
public final class VertxPeer implements PeerClient {
    private final Vertx vertx;
    private final WebClient client;

    public VertxPeer(int maxConcurrency, boolean http2) {
        vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
        client = WebClient.wrap(vertx.httpClientBuilder()
                .with(new HttpClientOptions().setProtocolVersion(http2 ? HttpVersion.HTTP_2 : HttpVersion.HTTP_1_1)
                        .setHttp2ClearTextUpgrade(false).setKeepAlive(true)
                        .setIdleTimeout(5).setIdleTimeoutUnit(TimeUnit.MINUTES).setTcpNoDelay(true))
                .with(new PoolOptions().setHttp1MaxSize(maxConcurrency).setMaxWaitQueueSize(-1))
                .build());
    }

    @Override
    public CompletableFuture<Integer> get(String url) {
        CompletableFuture<Integer> body = new CompletableFuture<>();
        client.getAbs(url).send().onComplete(done -> {
            if (done.failed()) {
                body.completeExceptionally(done.cause());
            } else if (done.result().statusCode() != 200) {
                body.completeExceptionally(PeerClient.unexpectedStatus(done.result().statusCode(), url));
            } else {
                body.complete(done.result().body() == null ? 0 : done.result().body().length());
            }
        });
        return body;
    }

    @Override
    public void close() throws Exception {
        client.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
