package dev.salvo.benchmarks.peers.adapters;

import dev.salvo.benchmarks.peers.PeerClient;
import dev.salvo.client.Request;
import dev.salvo.client.Response;
import dev.salvo.client.spi.Transport;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A Salvo transport called directly, without Salvo's layer (no limits, queue, deadline timer or
 * callback hop): the baseline of the overhead figure.
 */
public final class TransportPeer implements PeerClient {
    private final Transport transport;

    public TransportPeer(Transport transport) {
        this.transport = transport;
    }

    @Override
    public CompletableFuture<Integer> get(String url) {
        return transport.execute(Request.get(url)).thenApply(response -> bodyLength(response, url));
    }

    /** The body's length of a 200; any other status fails the stage it runs in. */
    static int bodyLength(Response response, String url) {
        if (response.status() != 200) {
            throw new CompletionException(PeerClient.unexpectedStatus(response.status(), url));
        }
        return response.bodyLength();
    }

    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return "bare " + transport;
    }
}
