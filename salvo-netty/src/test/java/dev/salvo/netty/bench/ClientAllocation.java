package dev.salvo.netty.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Bytes allocated by every live thread except the benchmark server's, from the JVM's per-thread
 * counters: what the client side (transport, its I/O threads, the load loop) allocates.
 */
final class ClientAllocation {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private ClientAllocation() {
    }

    static long bytesSoFar() {
        long[] ids = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !thread.getName().startsWith(HelloServer.THREAD_PREFIX))
                .mapToLong(Thread::threadId)
                .toArray();
        return Arrays.stream(THREADS.getThreadAllocatedBytes(ids)).filter(bytes -> bytes > 0).sum();
    }
}
