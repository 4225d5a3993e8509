package dev.salvo.server.internal.strategy;

import io.netty.channel.EventLoop;
import java.util.concurrent.TimeUnit;

/**
 * Seed 003's {@code server_async2.py}: requests are handled on their event loop and waiting is a
 * non-blocking timer on that loop, so any number of waits overlap and the loop never sleeps.
 * CPU work has no non-blocking form: it is computed on the event loop (as asyncio would), which
 * occupies that loop for its duration.
 */
final class AsyncStrategy implements ServingStrategy {

    @Override
    public void dispatch(EventLoop loop, Runnable handling) {
        handling.run();
    }

    @Override
    public void spend(Work work, EventLoop loop, Runnable then) {
        if (work.isFree()) {
            then.run();
        } else if (work.kind() == Work.Kind.IO) {
            loop.schedule(then, work.duration().toNanos(), TimeUnit.NANOSECONDS);
        } else {
            work.runBlocking();
            then.run();
        }
    }

    @Override
    public void close() {
        // no threads of its own
    }
}
