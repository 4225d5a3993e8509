package dev.salvo.client.internal;

import dev.salvo.client.Request;
import dev.salvo.client.SalvoIOException;
import dev.salvo.client.spi.BlockingClient;
import dev.salvo.client.spi.BlockingResponse;
import dev.salvo.client.spi.Exchange;
import dev.salvo.client.spi.Transport;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;

/**
 * Turns a {@link BlockingClient} into a {@link Transport}: each call runs on the executor (a new
 * virtual thread per call by default). Cancelling a future interrupts the thread running its
 * call. The body is read on that same thread, only as fast as its subscriber requests it
 * ({@link StreamPump}). With a direct executor ({@code Runnable::run}) calls run on the caller's thread and the
 * futures come back complete: the same code then runs synchronously. Thread-safe.
 */
public final class BlockingTransport implements Transport {
    private final BlockingClient client;
    private final Executor executor;
    private final ExecutorService owned;

    public BlockingTransport(BlockingClient client, Executor executor) {
        this(client, executor, null);
    }

    private BlockingTransport(BlockingClient client, Executor executor, ExecutorService owned) {
        this.client = client;
        this.executor = executor;
        this.owned = owned;
    }

    /** Runs each call on a new virtual thread named {@code salvo-blocking-N}. */
    public static BlockingTransport onVirtualThreads(BlockingClient client) {
        ExecutorService threads = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("salvo-blocking-", 0).factory());
        return new BlockingTransport(client, threads, threads);
    }

    @Override
    public CompletableFuture<Void> execute(Request request, Exchange exchange) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        FutureTask<Void> task = new FutureTask<>(() -> {
            if (result.isDone()) {
                return;
            }
            BlockingResponse response;
            try {
                response = client.execute(request);
                if (response == null) {
                    throw new SalvoIOException("blocking client returned no response for " + request);
                }
            } catch (Throwable t) {
                result.completeExceptionally(Failures.classify(t, request));
                return;
            }
            new StreamPump(request, response.body(), result).run(exchange.responseHeaders(response.status(),
                    response.headers()));
        }, null);
        result.whenComplete((ignored, error) -> {
            if (result.isCancelled()) {
                task.cancel(true);
            }
        });
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new SalvoIOException("executor rejected " + request, e));
        }
        return result;
    }

    @Override
    public void close() {
        if (owned != null) {
            owned.shutdownNow();
        }
    }
}
