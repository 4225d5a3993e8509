package dev.salvo.server.internal.strategy;

/**
 * Seed 003's process pool ({@code server_async2_executor_process.py}): work offloaded to a pool
 * with one thread per core ({@code salvo-cpu-N}). Python needs processes to compute in parallel;
 * Java threads already run in parallel, so a core-sized thread pool plays that part. Meant for
 * CPU-kind work; I/O-kind work also runs there, at most cores-many at once.
 */
final class CpuPoolStrategy extends PooledStrategy {
    CpuPoolStrategy(int cores) {
        super(cores, "salvo-cpu");
    }
}
