package dev.salvo.benchmarks.peers.adapters;

import dev.salvo.benchmarks.peers.PeerClient;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

/**
 * OkHttp 5: {@code enqueue} with a callback (OkHttp's asynchronous API, a thread per running call
 * from its dispatcher's pool), dispatcher limits and idle pool as large as the highest
 * concurrency, HTTP/1.1, redirects off. With {@code http2}: {@link Protocol#H2_PRIOR_KNOWLEDGE}
 * (h2c without an upgrade), every call a stream on the one connection OkHttp keeps per host.
 */
public final class OkHttpPeer implements PeerClient {
    private final OkHttpClient client;

    public OkHttpPeer(int maxConcurrency, boolean http2) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(maxConcurrency);
        dispatcher.setMaxRequestsPerHost(maxConcurrency);
        client = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(maxConcurrency, 5, TimeUnit.MINUTES))
                .protocols(List.of(http2 ? Protocol.H2_PRIOR_KNOWLEDGE : Protocol.HTTP_1_1))
                .followRedirects(false)
                .build();
    }

    @Override
    public CompletableFuture<Integer> get(String url) {
        CompletableFuture<Integer> body = new CompletableFuture<>();
        try {
            client.newCall(new Request.Builder().url(url).build()).enqueue(new Callback() {
                @Override
                public void onFailure(Call call, IOException e) {
                    body.completeExceptionally(e);
                }

                @Override
                public void onResponse(Call call, Response response) {
                    try (response) {
                        if (response.code() != 200) {
                            body.completeExceptionally(PeerClient.unexpectedStatus(response.code(), url));
                        } else {
                            body.complete(response.body().bytes().length);
                        }
                    } catch (IOException | RuntimeException e) {
                        body.completeExceptionally(e);
                    }
                }
            });
        } catch (RuntimeException e) {
            body.completeExceptionally(e);
        }
        return body;
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
