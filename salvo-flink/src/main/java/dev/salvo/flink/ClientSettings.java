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
        client(maxInFlight, maxPerHost, deadline, maxResponseBytes);
        transport(eventLoopThreads, connectTimeout);
    }

    /** One subtask's transport: Netty with its own event loop, nothing shared with other subtasks. */
    NettyTransport newTransport() {
        return transport(eventLoopThreads, connectTimeout).build();
    }

    /**
     * One subtask's client over {@code transport}. Flink's capacity equals {@code maxInFlight}, so
     * only calls held back by the per-host limit wait in Salvo's queue; a closing task cancels what
     * is in flight at once (Flink restores those records from its checkpoint).
     */
    Salvo newClient(NettyTransport transport, EventListener listener) {
        return client(maxInFlight, maxPerHost, deadline, maxResponseBytes).transport(transport)
                .retryPolicy(retry.toPolicy()).maxQueued(maxInFlight).closeTimeout(Duration.ZERO)
                .eventListener(listener).build();
    }

    private static Salvo.Builder client(int maxInFlight, int maxPerHost, Duration deadline, int maxResponseBytes) {
        return Salvo.newBuilder().maxInFlight(maxInFlight).maxPerHost(maxPerHost).deadline(deadline)
                .maxResponseBytes(maxResponseBytes);
    }

    /** The transport has no connection limit of its own: the client's per-host limit bounds its connections. */
    private static NettyTransport.Builder transport(int threads, Duration connectTimeout) {
        return NettyTransport.newBuilder().eventLoopThreads(threads).connectTimeout(connectTimeout);
    }
}
