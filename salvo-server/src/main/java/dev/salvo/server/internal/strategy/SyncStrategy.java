package dev.salvo.server.internal.strategy;

import io.netty.channel.EventLoop;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Seed 003's stdlib {@code server.py}: one request at a time across all connections. Every
 * request's handling runs on a single worker thread ({@code salvo-sync}), which also does the
 * request's waiting and work inline, blocking; the next request starts when the previous one's
 * handling has finished. Event loops only read and write.
 */
final class SyncStrategy implements ServingStrategy {
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("salvo-sync").daemon(true).factory());

    @Override
    public void dispatch(EventLoop loop, Runnable handling) {
        worker.execute(handling);
    }

    @Override
    public void spend(Work work, EventLoop loop, Runnable then) {
        work.runBlocking();
        then.run();
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
