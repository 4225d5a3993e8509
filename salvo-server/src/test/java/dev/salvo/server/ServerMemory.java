package dev.salvo.server;

import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocatorMetric;

/** What the in-process server holds in Netty's pooled buffers (it allocates from the default pool). */
final class ServerMemory {
    private ServerMemory() {
    }

    /** Bytes held by live pooled buffers (direct and heap): what returns to its baseline when nothing leaks. */
    static long pinnedBytes() {
        return PooledByteBufAllocator.DEFAULT.pinnedDirectMemory() + PooledByteBufAllocator.DEFAULT.pinnedHeapMemory();
    }

    /** Bytes the pool has taken from the system (direct and heap): grows when the server buffers. */
    static long pooledBytes() {
        PooledByteBufAllocatorMetric m = PooledByteBufAllocator.DEFAULT.metric();
        return m.usedDirectMemory() + m.usedHeapMemory();
    }
}
