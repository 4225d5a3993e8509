package dev.salvo.server.internal.strategy;

import dev.salvo.server.Strategy;
import io.netty.channel.EventLoop;

/**
 * Decides where a request is handled and how its waiting and work are done. One instance serves
 * the whole server; each implementation states its threading contract in its Javadoc.
 */
public interface ServingStrategy extends AutoCloseable {

    /** Creates the strategy named by {@code strategy}; {@code threads} sizes the THREADS pool. */
    static ServingStrategy create(Strategy strategy, int threads) {
        return switch (strategy) {
            case ASYNC -> new AsyncStrategy();
            case SYNC -> new SyncStrategy();
            case BLOCKING -> new BlockingStrategy();
            case THREADS -> new ThreadPoolStrategy(threads);
            case CPU -> new CpuPoolStrategy(Runtime.getRuntime().availableProcessors());
        };
    }

    /**
     * Runs {@code handling} (routing and the endpoint) for a request that arrived on {@code loop}.
     * Called on {@code loop}.
     */
    void dispatch(EventLoop loop, Runnable handling);

    /**
     * Spends {@code work}, then runs {@code then} exactly once. Called from the thread
     * {@link #dispatch} handed the request to; {@code loop} is the request's event loop.
     */
    void spend(Work work, EventLoop loop, Runnable then);

    /** Event-loop threads this strategy needs, given the configured number (0 = one per core). */
    default int eventLoopThreads(int configured) {
        return configured;
    }

    /** Stops the strategy's own threads, abandoning queued work. */
    @Override
    void close();
}
