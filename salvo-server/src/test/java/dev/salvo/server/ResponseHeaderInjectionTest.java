package dev.salvo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No request can make the server emit a forged header, a second response or extra cookie
 * attributes: every endpoint that echoes request data into headers answers 400 JSON instead,
 * on a connection that stays usable. Raw sockets, so nothing in between normalises the bytes.
 */
class ResponseHeaderInjectionTest {
    /** CR LF, bare CR, bare LF, NUL, other control bytes, DEL, and a folded line. */
    static final List<String> BAD = List.of("%0d%0aInjected:%201", "%0dInjected:%201", "%0aInjected:%201", "a%00b",
            "a%01b", "a%1bb", "a%7fb", "a%0d%0a%20folded", "a%0d%0a%0d%0aHTTP/1.1%20200%20OK");

    static SalvoServer server;

    @BeforeAll
    static void start() {
        server = SalvoServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Sends {@code target} then a second request on the same connection; returns both replies. */
    static String twoOnOneConnection(String target) {
        return TestHttp.raw(server, "GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /get?second=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    }

    /**
     * A 4xx JSON error (400; 404 when a decoded '/' changed which route a path form names) with
     * no forged header and no cookie, then the second reply on the same connection.
     */
    static void assertRefusedCleanly(String target) {
        String wire = twoOnOneConnection(target);
        List<TestHttp.Reply> replies = TestHttp.replies(wire);
        assertEquals(2, replies.size(), () -> "exactly two replies expected for " + target + ": " + wire);
        TestHttp.Reply first = replies.getFirst();
        assertTrue(first.status() == 400 || first.status() == 404, () -> target + " -> " + wire);
        assertTrue(first.body().contains("\"status_code\":" + first.status()), wire);
        assertTrue(first.header("Injected").isEmpty() && first.header("Set-Cookie").isEmpty()
                && first.header("Location").isEmpty(), () -> "forged header for " + target + ": " + wire);
        assertFalse(first.headers().stream().anyMatch(h -> h.toLowerCase(Locale.ROOT).contains("injected")
                || h.toLowerCase(Locale.ROOT).contains("evil")), wire);
        assertEquals(200, replies.get(1).status(), wire);
        assertTrue(replies.get(1).body().contains("\"second\":\"1\""), () -> "the connection must stay usable: " + wire);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/response-headers?X=%s", "/response-headers?X%s=v", "/redirect-to?url=/get%s",
        "/cookies/set?p=%s", "/cookies/set?%s=v", "/cookies/set/p/%s", "/cookies/set/%s/v", "/cookies/delete?%s"})
    void controlBytesInEchoedHeadersAre400(String template) {
        for (String bad : BAD) {
            assertRefusedCleanly(template.replace("%s", bad));
        }
    }

    @Test
    void cookieValuesCannotAddAttributes() {
        for (String target : Arrays.asList("/cookies/set?p=v%3B%20Domain%3Devil.example", "/cookies/set/p/v%3B%20Domain%3Devil.example",
                "/cookies/set?p=a%20b", "/cookies/set?p=a%2Cb", "/cookies/set?p%3Bx=v", "/cookies/set?p=%22quoted")) {
            assertRefusedCleanly(target);
        }
        String ok = TestHttp.raw(server, "GET /cookies/set?p=v1&q=v2 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(ok.startsWith("HTTP/1.1 302 "), ok);
        assertTrue(ok.contains("set-cookie: p=v1; Path=/\r\n") && ok.contains("set-cookie: q=v2; Path=/\r\n"), ok);
    }

    @Test
    void framingHeadersCannotBeAskedFor() {
        for (String name : List.of("Content-Length", "content-length", "Transfer-Encoding", "Connection", "Keep-Alive",
                "Upgrade", "Trailer", "TE")) {
            assertRefusedCleanly("/response-headers?" + name + "=0");
        }
        String ok = TestHttp.raw(server, "GET /response-headers?X-A=1&X-A=2&Cache-Control=no-store HTTP/1.1\r\nHost: x\r\n"
                + "Connection: close\r\n\r\n");
        assertTrue(ok.startsWith("HTTP/1.1 200 "), ok);
        assertTrue(ok.contains("X-A: 1\r\n") && ok.contains("X-A: 2\r\n") && ok.contains("Cache-Control: no-store\r\n"), ok);
        assertEquals(1, ok.toLowerCase(Locale.ROOT).split("content-length:", -1).length - 1, ok);
    }
}
