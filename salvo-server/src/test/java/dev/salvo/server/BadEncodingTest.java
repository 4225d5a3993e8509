package dev.salvo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bad percent-encoding and bad form or multipart bodies are the client's mistake: a 400 JSON error
 * naming what was wrong, on a connection that stays usable, under every strategy; afterwards no
 * request is left counted in flight, so shutdown is prompt.
 */
class BadEncodingTest {
    static final List<String> BAD_TARGETS = List.of("/anything/%zz", "/get/%", "/status/%G0", "/get?a=%zz", "/get?a=%",
            "/get?%zz=1",
            "/anything/%c3%28", "/get?a=%ff", "/get?%e2%82=1");

    static String multipart(String boundaryParams, String body) {
        return "POST /post HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; " + boundaryParams + "\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    static List<String> badBodies() {
        String part = "--b\r\nContent-Disposition: form-data; name=\"a\"\r\nContent-Type: text/plain; charset=no-such-charset\r\n\r\n1\r\n--b--\r\n";
        String many = "--b\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nv\r\n".repeat(1100) + "--b--\r\n";
        return List.of(
                form("/post", "a=%zz"), form("/anything", "a=%"), form("/services/auth/login", "username=%zz&password=p"),
                form("/put", "a=%4"), form("/post", "a=%c3%28"),
                multipart("boundary=b", part), multipart("boundary=b; charset=no-such-charset", part),
                multipart("boundary=b", many));
    }

    static String form(String path, String body) {
        String method = path.equals("/put") ? "PUT" : "POST";
        return method + " " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void everyBadEncodingIs400AndShutdownIsPrompt(Strategy strategy) {
        SalvoServer server = SalvoServer.start(ServerConfig.newBuilder().strategy(strategy).maxBody(256 * 1024)
                .shutdownTimeout(Duration.ofSeconds(5)).build());
        try {
            for (String target : BAD_TARGETS) {
                assert400ThenUsable(server, "GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n", target);
            }
            for (String request : badBodies()) {
                assert400ThenUsable(server, request, request.lines().findFirst().orElseThrow());
            }
        } finally {
            long start = System.nanoTime();
            server.close();
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 3000, "shutdown waited " + millis + " ms: a request was left counted in flight");
        }
    }

    static void assert400ThenUsable(SalvoServer server, String request, String what) {
        String wire = TestHttp.raw(server, request + "GET /get?after=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        List<TestHttp.Reply> replies = TestHttp.replies(wire);
        assertEquals(2, replies.size(), () -> what + ": " + wire);
        TestHttp.Reply first = replies.getFirst();
        assertEquals(400, first.status(), () -> what + ": " + wire);
        assertTrue(first.body().startsWith("{\"status_code\":400,\"error\":\"Bad Request\",\"detail\":\""), wire);
        assertTrue(!first.body().contains("Exception") && !first.body().contains("\tat "), () -> "Java internals leaked: " + wire);
        assertEquals(200, replies.get(1).status(), wire);
    }
}
