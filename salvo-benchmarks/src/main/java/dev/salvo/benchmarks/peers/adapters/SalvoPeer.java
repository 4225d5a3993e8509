package dev.salvo.benchmarks.peers.adapters;

import dev.salvo.benchmarks.peers.PeerClient;
import dev.salvo.client.Request;
import dev.salvo.client.Salvo;
import dev.salvo.client.Transport;
import java.util.concurrent.CompletableFuture;

/**
 * Salvo over a transport, with its limits at the harness's highest concurrency and everything
 * else at the defaults (virtual-thread callback executor, 30 s deadline, no retries). Closes the
 * transport after the client.
 */
public final class SalvoPeer implements PeerClient {
    private final Transport transport;
    private final Salvo salvo;

    public SalvoPeer(Transport transport, int maxConcurrency) {
        this.transport = transport;
        this.salvo = Salvo.newBuilder().transport(transport).maxInFlight(maxConcurrency).maxPerHost(maxConcurrency)
                .build();
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
