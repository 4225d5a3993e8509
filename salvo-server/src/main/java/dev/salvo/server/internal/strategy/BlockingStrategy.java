package dev.salvo.server.internal.strategy;

import io.netty.channel.EventLoop;

/**
 * Seed 003's "broken async" {@code server_async.py}: the work blocks the event loop. The server
 * runs a single event loop under this strategy, so requests are served one after another while
 * the loop sleeps or computes, however many connections are open.
 */
final class BlockingStrategy implements ServingStrategy {

    @Override
    public void dispatch(EventLoop loop, Runnable handling) {
        handling.run();
    }

    @Override
    public void spend(Work work, EventLoop loop, Runnable then) {
        work.runBlocking();
        then.run();
    }

    @Override
    public int eventLoopThreads(int configured) {
        return 1;
    }

    @Override
    public void close() {
        // no threads of its own
    }
}
