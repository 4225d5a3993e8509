package dev.salvo.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.Request;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class BenchConfigTest {
    private static final Request GET = Request.get("http://127.0.0.1:1/");

    @Test
    void timedClosedRunByDefault() {
        BenchConfig config = BenchConfig.builder(GET).build();

        assertEquals(64, config.connections());
        assertEquals(Duration.ofSeconds(10), config.duration());
        assertEquals(Duration.ofSeconds(2), config.warmup());
        assertEquals(Duration.ofSeconds(5), config.timeout());
        assertEquals(OptionalLong.empty(), config.requests());
        assertFalse(config.isOpenModel());
    }

    @Test
    void aCountedRunHasNoWarmupUnlessAsked() {
        assertEquals(Duration.ZERO, BenchConfig.builder(GET).requests(10).build().warmup());
        assertEquals(Duration.ofSeconds(1),
                BenchConfig.builder(GET).requests(10).warmup(Duration.ofSeconds(1)).build().warmup());
        assertEquals(Duration.ZERO, BenchConfig.builder(GET).requests(10).build().duration());
    }

    @Test
    void aRateMakesItOpen() {
        BenchConfig config = BenchConfig.builder(GET).rate(250.5).build();

        assertTrue(config.isOpenModel());
        assertEquals(250.5, config.rate());
    }

    @Test
    void badValuesFailAtOnceWithAMessage() {
        BenchConfig.Builder builder = BenchConfig.builder(GET);

        assertEquals("connections must be positive, got 0",
                assertThrows(IllegalArgumentException.class, () -> builder.connections(0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> builder.requests(-1));
        assertThrows(IllegalArgumentException.class, () -> builder.duration(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> builder.timeout(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> builder.warmup(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> builder.rate(0));
        assertThrows(IllegalArgumentException.class, () -> builder.rate(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> builder.rate(Double.POSITIVE_INFINITY));
        assertThrows(NullPointerException.class, () -> BenchConfig.builder(null));
    }

    @Test
    void aCountAndADurationDoNotMix() {
        assertThrows(IllegalArgumentException.class,
                () -> BenchConfig.builder(GET).requests(5).duration(Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class,
                () -> BenchConfig.builder(GET).duration(Duration.ofSeconds(1)).requests(5));
    }

    @Test
    void errorKindsComeFromTheClientsExceptionTypes() {
        assertEquals(ErrorKind.CONNECT, ErrorKind.of(new dev.salvo.client.ConnectFailedException("refused")));
        assertEquals(ErrorKind.TIMEOUT, ErrorKind.of(new java.util.concurrent.CompletionException(
                new dev.salvo.client.DeadlineExceededException("late"))));
        assertEquals(ErrorKind.RESET, ErrorKind.of(new dev.salvo.client.ConnectionClosedException("reset")));
        assertEquals(ErrorKind.PROTOCOL, ErrorKind.of(new dev.salvo.client.MalformedResponseException("junk")));
        assertEquals(ErrorKind.OTHER, ErrorKind.of(new dev.salvo.client.SalvoIOException("other")));
        assertEquals(ErrorKind.OTHER, ErrorKind.of(new IllegalStateException()));
    }
}
