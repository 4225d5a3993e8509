package dev.salvo.benchmarks.peers.adapters;

import dev.salvo.benchmarks.peers.PeerClient;
import dev.salvo.client.Request;
import dev.salvo.client.Salvo;
import dev.salvo.client.spi.Transport;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Salvo over a transport, with its limits at the harness's highest concurrency and everything
 * else at the defaults (virtual-thread callback executor, 30 s deadline, no retries). Closes the
 * transport after the client.
 */
public final class SalvoPeer implements PeerClient {
    private final Transport transport;
    private final Salvo salvo;

    /** @param callbacks the callback executor, or null for Salvo's default (a virtual thread per completion) */
    public SalvoPeer(Transport transport, int maxConcurrency, Executor callbacks) {
        this.transport = transport;
        Salvo.Builder builder = Salvo.newBuilder().transport(transport).maxInFlight(maxConcurrency)
                .maxPerHost(maxConcurrency);
        if (callbacks != null) {
            builder.callbackExecutor(callbacks);
        }
        this.salvo = builder.build();
    }

    /**
     * One stage on Salvo's future, as every other adapter has one callback: its stages run on the
     * callback executor, and each further stage chained on it would be one more hop there.
     */
    @Override
    public CompletableFuture<Integer> get(String url) {
        CompletableFuture<Integer> body = new CompletableFuture<>();
        salvo.send(Request.get(url)).whenComplete((response, error) -> {
            if (error != null) {
                body.completeExceptionally(error);
            } else if (response.status() != 200) {
                body.completeExceptionally(PeerClient.unexpectedStatus(response.status(), url));
            } else {
                body.complete(response.bodyLength());
            }
        });
        return body;
    }

    @Override
    public void close() {
        salvo.close();
        transport.close();
    }

    @Override
    public String toString() {
        return "Salvo over " + transport;
    }
}
