package dev.salvo.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.ConnectFailedException;
import dev.salvo.client.DeadlineExceededException;
import dev.salvo.client.Request;
import dev.salvo.client.RetryPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The operator's settings are checked when the job is built, with messages that name the setting. */
class SalvoAsyncTest {
    private static SalvoAsync.Builder<String, Integer> builder() {
        return SalvoAsync.newBuilder(Request::get, (url, response, latency) -> response.status(), Integer.class);
    }

    @Test
    void theDeadlineMustBeBelowFlinksTimeout() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> builder().deadline(Duration.ofSeconds(30)).asyncTimeout(Duration.ofSeconds(30)).build());
        assertTrue(e.getMessage().contains("Salvo's deadline (PT30S) must be below Flink's async timeout (PT30S)"),
                e.getMessage());
        assertEquals(Duration.ofSeconds(15), builder().deadline(Duration.ofSeconds(10)).build().asyncTimeout());
        assertEquals(Duration.ofSeconds(11),
                builder().deadline(Duration.ofSeconds(10)).asyncTimeout(Duration.ofSeconds(11)).build().asyncTimeout());
    }

    @Test
    void capacityIsMaxInFlight() {
        assertEquals(64, builder().build().capacity());
        assertEquals(7, builder().maxInFlight(7).build().capacity());
    }

    @Test
    void badSettingsAreRefusedByName() {
        assertMessage("maxInFlight must be positive", () -> builder().maxInFlight(0).build());
        assertMessage("maxPerHost must be positive", () -> builder().maxPerHost(-1).build());
        assertMessage("deadline must be positive", () -> builder().deadline(Duration.ZERO).build());
        assertMessage("eventLoopThreads must be positive", () -> builder().eventLoopThreads(0).build());
        assertMessage("maxResponseBytes must be positive", () -> builder().maxResponseBytes(0).build());
        assertThrows(NullPointerException.class, () -> builder().deadline(null).build());
        assertThrows(NullPointerException.class, () -> builder().onFailure(null));
        assertThrows(NullPointerException.class, () -> SalvoAsync.newBuilder(null, (u, r, l) -> 1, Integer.class));
    }

    @Test
    void theFunctionShipsToTaskManagersWithItsRetryPolicy() throws IOException {
        RetryPolicy policy = RetryPolicy.newBuilder().maxAttempts(4).backoff(Duration.ofMillis(5), Duration.ofMillis(50))
                .retryOnStatus(Set.of(500, 503)).build();
        SalvoAsync<String, Integer> async = builder().retryPolicy(policy).build();
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(async.function()); // what Flink does when it ships the job
        }
        RetryPolicy back = RetrySpec.of(policy).toPolicy();
        assertEquals(policy.toString(), back.toString());
        assertEquals(policy.maxRetryAfter(), back.maxRetryAfter());
    }

    @Test
    void failuresHaveAKindAndAOneLineMessage() {
        CallFailure connect = CallFailure.of(new CompletionException(new ConnectFailedException("refused\r\nX: y")),
                Duration.ofMillis(3));
        assertEquals(ErrorKind.CONNECT, connect.kind());
        assertEquals("refused  X: y", connect.message());
        assertEquals(ErrorKind.DEADLINE, ErrorKind.of(new DeadlineExceededException("late")));
        assertEquals(ErrorKind.CANCELLED, ErrorKind.of(new CancellationException()));
        assertEquals(ErrorKind.BAD_INPUT, ErrorKind.of(new IllegalArgumentException("x")));
        assertEquals(ErrorKind.OTHER, ErrorKind.of(new IllegalStateException()));
        assertEquals("IllegalStateException", CallFailure.of(new IllegalStateException(), Duration.ZERO).message());
        assertEquals("connection_closed", ErrorKind.CONNECTION_CLOSED.label());
        SalvoCallException e = new SalvoCallException(connect);
        assertEquals(ErrorKind.CONNECT, e.kind());
        assertTrue(e.getMessage().startsWith("connect: refused"));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
