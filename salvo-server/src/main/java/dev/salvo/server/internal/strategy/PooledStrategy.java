package dev.salvo.server.internal.strategy;

import io.netty.channel.EventLoop;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * Base of the strategies that hand the work to a fixed pool: requests are handled on their event
 * loop; {@code spend} runs the work blocking on a pool thread (queued when all are busy), then
 * runs the continuation back on the request's event loop.
 */
abstract class PooledStrategy implements ServingStrategy {
    private final ExecutorService pool;

    PooledStrategy(int threads, String name) {
        this.pool = Executors.newFixedThreadPool(threads,
                Thread.ofPlatform().name(name + "-", 0).daemon(true).factory());
    }

    @Override
    public final void dispatch(EventLoop loop, Runnable handling) {
        handling.run();
    }

    @Override
    public final void spend(Work work, EventLoop loop, Runnable then) {
        if (work.isFree()) {
            then.run();
            return;
        }
        try {
            pool.execute(() -> {
                work.runBlocking();
                loop.execute(then);
            });
        } catch (RejectedExecutionException closing) {
            loop.execute(then);
        }
    }

    @Override
    public final void close() {
        pool.shutdownNow();
    }
}
