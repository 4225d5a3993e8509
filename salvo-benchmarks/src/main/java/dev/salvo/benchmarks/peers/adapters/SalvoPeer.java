package dev.salvo.benchmarks.peers.adapters;

import dev.salvo.benchmarks.peers.PeerClient;
import dev.salvo.client.Request;
import dev.salvo.client.Salvo;
import dev.salvo.client.Transport;
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

    @Override
    public CompletableFuture<Integer> get(String url) {
        return salvo.send(Request.get(url)).thenApply(response -> TransportPeer.bodyLength(response, url));
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
