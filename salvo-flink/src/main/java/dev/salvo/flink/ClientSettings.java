package dev.salvo.flink;

import dev.salvo.client.EventListener;
import dev.salvo.client.Salvo;
import dev.salvo.netty.NettyTransport;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * The settings of each subtask's client. Checked when the job is built, by the client's and the
 * transport's own builders (so the messages are theirs), and shipped with the function.
 */
record ClientSettings(int maxInFlight, int maxPerHost, Duration deadline, Duration connectTimeout, RetrySpec retry,
        int eventLoopThreads, int maxResponseBytes) implements Serializable {

    ClientSettings {
        Objects.requireNonNull(retry, "retry");
        client(maxInFlight, maxPerHost, deadline, connectTimeout);
        transport(eventLoopThreads, connectTimeout, maxPerHost, maxResponseBytes);
    }

    /** One subtask's transport: Netty with its own event loop, nothing shared with other subtasks. */
    NettyTransport newTransport() {
        return transport(eventLoopThreads, connectTimeout, maxPerHost, maxResponseBytes).build();
    }

    /**
     * One subtask's client over {@code transport}. Flink's capacity equals {@code maxInFlight}, so
     * only calls held back by the per-host limit wait in Salvo's queue; a closing task cancels what
     * is in flight at once (Flink restores those records from its checkpoint).
     */
    Salvo newClient(NettyTransport transport, EventListener listener) {
        return client(maxInFlight, maxPerHost, deadline, connectTimeout).transport(transport)
                .retryPolicy(retry.toPolicy()).maxQueued(maxInFlight).closeTimeout(Duration.ZERO)
                .eventListener(listener).build();
    }

    private static Salvo.Builder client(int maxInFlight, int maxPerHost, Duration deadline, Duration connectTimeout) {
        return Salvo.newBuilder().maxInFlight(maxInFlight).maxPerHost(maxPerHost).deadline(deadline)
                .connectTimeout(connectTimeout);
    }

    private static NettyTransport.Builder transport(int threads, Duration connectTimeout, int maxPerHost, int maxBytes) {
        return NettyTransport.builder().eventLoopThreads(threads).connectTimeout(connectTimeout)
                .maxConnectionsPerHost(maxPerHost).maxResponseBytes(maxBytes);
    }
}
