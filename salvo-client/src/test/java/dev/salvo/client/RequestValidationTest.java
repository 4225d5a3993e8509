package dev.salvo.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Misuse fails at once with IAE/NPE and a message that names the fault. */
class RequestValidationTest {

    @Test
    void nullUrlIsNpe() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> Request.get((String) null));
        assertTrue(e.getMessage().contains("url"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t"})
    void blankUrlIsRejected(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Request.get(url));
        assertTrue(e.getMessage().contains("blank"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/get", "get", "127.0.0.1:8000/get", "//host/path"})
    void relativeUrlIsRejected(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Request.get(url));
        assertTrue(e.getMessage().contains("absolute"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.org/x", "file:///etc/passwd", "ws://127.0.0.1/", "mailto:a@b.c"})
    void unsupportedSchemeIsRejected(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Request.get(url));
        assertTrue(e.getMessage().contains("scheme"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://exa mple.org/", "http://[::1/", "http://127.0.0.1:80/a b"})
    void malformedUrlIsRejected(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Request.get(url));
        assertTrue(e.getMessage().contains("malformed") || e.getMessage().contains("host"), e.getMessage());
    }

    @Test
    void urlWithoutHostIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Request.get("http:///path"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-Evil\r\nInjected", "X-Evil\n", "Bad Name", "", "Bad:Name", "Ünicode"})
    void badHeaderNamesAreRejected(String name) {
        assertThrows(IllegalArgumentException.class,
                () -> Request.newBuilder("http://127.0.0.1/").header(name, "v"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\r\nX-Injected: 1", "a\nb", "a\rb", "nul\u0000"})
    void headerValuesWithCrLfOrNulAreRejected(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Request.newBuilder("http://127.0.0.1/").header("X-Test", value));
        assertTrue(e.getMessage().contains("forbidden character"), e.getMessage());
    }

    @Test
    void nullHeaderPartsAreNpe() {
        Request.Builder builder = Request.newBuilder("http://127.0.0.1/");
        assertThrows(NullPointerException.class, () -> builder.header(null, "v"));
        assertThrows(NullPointerException.class, () -> builder.header("X", null));
        assertThrows(IllegalArgumentException.class, () -> Headers.of("only-a-name"));
    }

    @Test
    void badMethodAndDeadlineAreRejected() {
        Request.Builder builder = Request.newBuilder("http://127.0.0.1/");
        assertThrows(IllegalArgumentException.class, () -> builder.method("GE T"));
        assertThrows(IllegalArgumentException.class, () -> builder.method(""));
        assertThrows(NullPointerException.class, () -> builder.method("POST", (byte[]) null));
        assertThrows(NullPointerException.class, () -> builder.method("POST", (RequestBody) null));
        assertThrows(IllegalArgumentException.class, () -> builder.maxResponseBytes(0));
        assertThrows(IllegalArgumentException.class, () -> builder.bodyIdleTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> builder.deadline(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> builder.deadline(Duration.ofSeconds(-1)));
    }

    @Test
    void negativeOrZeroLimitsAreRejected() {
        Salvo.Builder builder = Salvo.newBuilder();
        assertThrows(IllegalArgumentException.class, () -> builder.maxInFlight(0));
        assertThrows(IllegalArgumentException.class, () -> builder.maxInFlight(-5));
        assertThrows(IllegalArgumentException.class, () -> builder.maxPerHost(0));
        assertThrows(IllegalArgumentException.class, () -> builder.maxQueued(-1));
        assertThrows(IllegalArgumentException.class, () -> builder.deadline(Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> builder.connectTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> builder.closeTimeout(Duration.ofSeconds(-1)));
        assertThrows(NullPointerException.class, () -> builder.transport(null));
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.newBuilder().maxAttempts(0));
        assertThrows(IllegalArgumentException.class,
                () -> RetryPolicy.newBuilder().backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.newBuilder().retryOnStatus(Set.of(42)));
    }

    @Test
    void requestsAreImmutableValues() {
        byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
        Request request = Request.post("http://127.0.0.1:8/post", "text/plain", body);
        body[0] = 'J';
        assertEquals("hello", StandardCharsets.UTF_8.decode(request.body().bytes().orElseThrow()).toString());
        assertThrows(java.nio.ReadOnlyBufferException.class, () -> request.body().bytes().orElseThrow().put((byte) 'X'));
        assertEquals("hello", StandardCharsets.UTF_8.decode(request.body().bytes().orElseThrow()).toString());
        assertEquals("POST", request.method());
        assertFalse(request.isIdempotent());
        assertEquals(new Origin("http", "127.0.0.1", 8), request.origin());
        assertEquals("https://example.org:443", Request.get("https://EXAMPLE.org/x").origin().toString());
        assertEquals("example.org", Request.get("https://EXAMPLE.org/x").origin().authority());
        assertEquals("[::1]:8080", Request.get("http://[::1]:8080/").origin().authority());
        assertEquals("::1", Request.get("http://[::1]:8080/").origin().host());
        assertNotEquals(Origin.of("http://a.example"), Origin.of("https://a.example"));
        assertThrows(IllegalArgumentException.class, () -> Origin.of("ftp://a.example"));
        assertThrows(IllegalArgumentException.class, () -> Origin.of("/relative"));
        assertThrows(IllegalArgumentException.class, () -> new Origin("http", "a", 0));
        assertThrows(NullPointerException.class, () -> Origin.of((String) null));
        assertEquals(List.of("text/plain"), request.headers().all("content-type"));
    }

    @Test
    void batchesAndGatherRejectNulls() {
        assertThrows(IllegalArgumentException.class, () -> Batch.of(List.of()));
        assertThrows(NullPointerException.class, () -> Batch.startWith(null));
        try (Salvo http = Salvo.create()) {
            assertThrows(NullPointerException.class, () -> http.send(null));
            assertThrows(NullPointerException.class,
                    () -> http.send(Request.get("http://127.0.0.1/"), (ResponseMapper<?>) null));
            assertThrows(NullPointerException.class,
                    () -> http.send(Request.get("http://127.0.0.1/"), (BodyHandler<?>) null));
            List<Request> withNull = new java.util.ArrayList<>();
            withNull.add(null);
            NullPointerException e = assertThrows(NullPointerException.class, () -> http.gather(withNull));
            assertTrue(e.getMessage().contains("requests[0]"), e.getMessage());
        }
    }
}
