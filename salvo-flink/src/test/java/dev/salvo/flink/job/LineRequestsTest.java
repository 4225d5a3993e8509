package dev.salvo.flink.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.Request;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Request lines, good and hostile; durations on the command line. */
class LineRequestsTest {

    @Test
    void aUrlOrAJsonObject() {
        Request get = LineRequests.parse("  http://127.0.0.1:8000/get?a=1  ");
        assertEquals("GET", get.method());
        assertEquals("http://127.0.0.1:8000/get?a=1", get.uri().toString());
        Request post = LineRequests.parse(
                "{\"method\": \"put\", \"url\": \"http://h/x\", \"headers\": {\"A\": \"b\"}, \"body\": \"é\"}");
        assertEquals("PUT", post.method());
        assertEquals("b", post.headers().first("A").orElseThrow());
        assertEquals("é", StandardCharsets.UTF_8.decode(post.body().bytes().orElseThrow()).toString());
        assertEquals("POST", LineRequests.parse("{\"url\": \"http://h/x\", \"body\": \"x\"}").method());
        assertEquals("GET", LineRequests.parse("{\"url\": \"http://h/x\"}").method());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "gopher://h/|unsupported scheme 'gopher'",
        "/relative|must be absolute",
        "{\"url\": \"http://h/\", \"headers\": {\"A\": \"b\\r\\nX-Evil: 1\"}}|",
        "{\"url\": \"http://h/\", \"headers\": [1]}|'headers' must be an object",
        "{\"url\": \"http://h/\", \"headers\": {\"A\": 1}}|header 'A' must be a string",
        "{\"method\": \"G E T\", \"url\": \"http://h/\"}|method must be an HTTP token",
        "{\"body\": \"x\"}|missing field 'url'",
        "{\"url\": \"http://h/\"} trailing|",
        "{|malformed JSON line",
        "{\"url\": \"http://h/a\", \"url\": \"http://h/b\"}|Duplicate field 'url'",
        "\"just a string\"|must be absolute",
    })
    void badLinesAreRefusedWithAReason(String line, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LineRequests.parse(line));
        if (reason != null) {
            assertTrue(e.getMessage().contains(reason), e.getMessage());
        }
    }

    @Test
    void blankAndCommentLinesCarryNoRequest() {
        assertFalse(LineRequests.isRequestLine("   "));
        assertFalse(LineRequests.isRequestLine("# note"));
        assertTrue(LineRequests.isRequestLine("http://h/"));
        String longLine = "x".repeat(1000);
        assertEquals(LineRequests.QUOTE_LIMIT + 1, LineRequests.quote(longLine).length());
    }

    @Test
    void durations() {
        DurationConverter c = new DurationConverter();
        assertEquals(Duration.ofMillis(250), c.convert("250ms"));
        assertEquals(Duration.ofMillis(1500), c.convert("1.5s"));
        assertEquals(Duration.ofMinutes(2), c.convert("2m"));
        assertEquals(Duration.ofSeconds(30), c.convert("PT30S"));
        for (String bad : new String[] {"soon", "NaNs", "1e300s", "", "5"}) {
            assertThrows(picocli.CommandLine.TypeConversionException.class, () -> c.convert(bad), bad);
        }
    }
}
