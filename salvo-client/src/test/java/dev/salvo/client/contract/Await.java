package dev.salvo.client.contract;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import dev.salvo.client.Outcome;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** Bounded waits for tests: nothing here can hang a test run. */
public final class Await {
    public static final Duration LONG = Duration.ofSeconds(20);

    private Await() {
    }

    /** The future's value, failing the test if it does not complete in time or fails. */
    public static <T> T value(CompletableFuture<T> future) {
        try {
            return future.get(LONG.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (ExecutionException e) {
            throw new AssertionError("expected a value, got " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("future did not complete within " + LONG);
        }
    }

    /** The future's failure, unwrapped, asserted to be of {@code type}. */
    public static <X extends Throwable> X failure(CompletableFuture<?> future, Class<X> type) {
        try {
            Object value = future.get(LONG.toMillis(), TimeUnit.MILLISECONDS);
            return fail("expected " + type.getSimpleName() + ", got value " + value);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (ExecutionException e) {
            return assertInstanceOf(type, Outcome.unwrap(e), () -> "failure was " + e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("future did not complete within " + LONG);
        } catch (java.util.concurrent.CancellationException e) {
            return assertInstanceOf(type, e);
        }
    }

    /** Polls {@code condition} until true, failing after {@link #LONG}. */
    public static void until(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + LONG.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("timed out waiting for: " + what);
            }
            try {
                Thread.sleep(5); // the poll interval of this bounded loop, not a guess at when the condition holds
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** A loopback port with nothing listening: connecting is refused. */
    public static int refusedPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
