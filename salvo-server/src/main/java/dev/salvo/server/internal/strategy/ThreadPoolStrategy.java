package dev.salvo.server.internal.strategy;

/**
 * Seed 003's {@code server_async2_executor.py}: blocking work offloaded to a bounded pool of
 * {@code threads} threads ({@code salvo-work-N}); at most that many requests wait or compute at
 * once, the rest queue. Handling and replies stay on the event loops, which never block.
 */
final class ThreadPoolStrategy extends PooledStrategy {
    ThreadPoolStrategy(int threads) {
        super(threads, "salvo-work");
    }
}
