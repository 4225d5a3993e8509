package dev.salvo.micrometer;

import dev.salvo.client.Origin;
import dev.salvo.client.PoolStats;
import dev.salvo.client.Salvo;
import java.lang.ref.WeakReference;
import java.util.function.ToIntFunction;

/** A monitored client's connection pools, read when a gauge is; holds the client weakly. */
final class PoolView {
    private final WeakReference<Salvo> client;

    PoolView(Salvo client) {
        this.client = new WeakReference<>(client);
    }

    /**
     * {@code field} summed over the pools of {@code origin} (one per HTTP version, and a pool whose server
     * declined h2 has two); NaN once the client is gone.
     */
    double sum(Origin origin, ToIntFunction<PoolStats> field) {
        Salvo salvo = client.get();
        if (salvo == null) {
            return Double.NaN;
        }
        long total = 0;
        for (PoolStats stats : salvo.poolStats()) {
            if (stats.origin().equals(origin)) {
                total += field.applyAsInt(stats);
            }
        }
        return total;
    }
}
