package dev.salvo.netty.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * What the client side (transport, its I/O threads, the load loop) has spent so far: bytes
 * allocated and CPU time, summed over every live thread except the benchmark server's. CPU per
 * request holds up better than requests/s on a machine shared with other work.
 */
record ClientCost(long allocatedBytes, long cpuNanos) {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    static ClientCost now() {
        long[] ids = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !thread.getName().startsWith(HelloServer.THREAD_PREFIX))
                .mapToLong(Thread::threadId)
                .toArray();
        long allocated = Arrays.stream(THREADS.getThreadAllocatedBytes(ids)).filter(bytes -> bytes > 0).sum();
        long cpu = Arrays.stream(THREADS.getThreadCpuTime(ids)).filter(nanos -> nanos > 0).sum();
        return new ClientCost(allocated, cpu);
    }

    /** The cost since {@code earlier}. */
    ClientCost since(ClientCost earlier) {
        return new ClientCost(allocatedBytes - earlier.allocatedBytes, cpuNanos - earlier.cpuNanos);
    }
}
