package dev.salvo.server;

import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocatorMetric;

/** What the in-process server holds in Netty's pooled buffers (it allocates from the default pool). */
final class ServerMemory {
    private ServerMemory() {
    }

    /** Bytes of pooled buffers in use (direct and heap). */
    static long pooledBytes() {
        PooledByteBufAllocatorMetric m = PooledByteBufAllocator.DEFAULT.metric();
        return m.usedDirectMemory() + m.usedHeapMemory();
    }
}
