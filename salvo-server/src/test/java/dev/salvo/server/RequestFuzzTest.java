package dev.salvo.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property-based fuzzing of request parsing and routing with jqwik: random request lines (real
 * routes and junk, valid and broken percent-encoding), headers (including control bytes and
 * framing headers), bodies and framings, sent raw. The server always answers 200–599 or closes,
 * never 500, and afterwards holds no buffers and no request in flight (its shutdown is prompt).
 * About 15 s of CI time.
 */
class RequestFuzzTest {
    static SalvoServer server;
    static final ConcurrentLinkedQueue<String> ACCESS = new ConcurrentLinkedQueue<>();
    static long baseline;

    @BeforeContainer
    static void start() {
        server = SalvoServer.start(ServerConfig.newBuilder().idleTimeout(Duration.ofMillis(500)).headTimeout(Duration.ofMillis(500))
                .maxBody(64 * 1024).maxStream(1 << 20).maxDuration(Duration.ofMillis(50)).accessLog(ACCESS::add).build());
        baseline = ServerMemory.pinnedBytes();
    }

    @AfterContainer
    static void stop() throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (ServerMemory.pinnedBytes() > baseline + (256 << 10) && System.nanoTime() < end) {
            Thread.sleep(50); // poll interval of this bounded loop: lingering closes free their buffers within a second
        }
        long held = ServerMemory.pinnedBytes() - baseline;
        long start = System.nanoTime();
        server.close();
        long closeMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(held <= 256 << 10, "the server still holds " + held + " bytes of buffers after the fuzzing");
        assertTrue(closeMillis < 3000, "shutdown took " + closeMillis + " ms: requests left counted in flight");
        assertTrue(ACCESS.stream().noneMatch(line -> line.contains("\" 500 ")), () -> "a 500 was logged: " + ACCESS);
    }

    @Property(tries = 400)
    void everyRequestIsAnsweredSanelyOrClosed(@ForAll("requests") String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            String received;
            try {
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                received = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no answer and no close within 5 s for " + printable(request));
            } catch (IOException reset) {
                return; // the server closed on us mid-request: allowed
            }
            String interim = "HTTP/1.1 100 Continue\r\n\r\n"; // may precede the final reply
            String wire = received.startsWith(interim) ? received.substring(interim.length()) : received;
            if (wire.isEmpty()) {
                return;
            }
            assertTrue(wire.startsWith("HTTP/1.1 "), () -> "not HTTP: " + printable(wire));
            int status = Integer.parseInt(wire.substring(9, 12));
            assertTrue(status >= 200 && status <= 599 && status != 500,
                    () -> status + " for " + printable(request) + "\n" + printable(wire));
        }
    }

    static String printable(String s) {
        return s.length() > 600 ? s.substring(0, 600).replace("\r", "\\r").replace("\n", "\\n") + "…"
                : s.replace("\r", "\\r").replace("\n", "\\n");
    }

    @Provide
    Arbitrary<String> requests() {
        Arbitrary<String> method = Arbitraries.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "get", "BREW", "G\u00e9T");
        Arbitrary<String> target = Combinators.combine(
                Arbitraries.of("/get", "/post", "/anything", "/anything/x", "/status/", "/bytes/", "/stream-bytes/", "/stream/",
                        "/response-headers", "/redirect-to", "/cookies/set", "/cookies/set/a/", "/cookies/delete", "/delay/",
                        "/drip", "/basic-auth/u/", "/etag/", "/cache/", "/upload", "/services/auth/login", "/books", "/", "*",
                        "http://h/get", "//", "/%"),
                segment(), Arbitraries.of("", "?", "?a=1", "?url=/x", "?X=", "?Content-Length=0", "?p=v%3B%20Domain%3Dx",
                        "?chunk_size=", "?seed=", "?duration=0&delay=0&numbytes=", "?a=%zz", "?code="),
                segment()).as((p, s1, q, s2) -> p + s1 + q + s2);
        Arbitrary<String> version = Arbitraries.of("HTTP/1.1", "HTTP/1.1", "HTTP/1.1", "HTTP/1.0", "HTTP/2.0", "HTTP/1.x", "");
        Arbitrary<List<String>> headers = header().list().ofMaxSize(6);
        Arbitrary<String> body = Arbitraries.oneOf(Arbitraries.just(""), text(200),
                Arbitraries.of("{\"a\":1}", "{bad json", "a=1&b=%zz", "--b\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nv\r\n--b--\r\n"));
        Arbitrary<Integer> framing = Arbitraries.integers().between(0, 5);
        return Combinators.combine(method, target, version, headers, body, framing).as(RequestFuzzTest::assemble);
    }

    static String assemble(String method, String target, String version, List<String> headers, String body, int framing) {
        StringBuilder b = new StringBuilder(method).append(' ').append(target).append(' ').append(version).append("\r\n");
        if (framing != 5) {
            b.append("Host: fuzz\r\n");
        }
        headers.forEach(h -> b.append(h).append("\r\n"));
        switch (framing) {
            case 0, 5 -> b.append("Content-Length: ").append(body.length()).append("\r\n");
            case 1 -> b.append("Transfer-Encoding: chunked\r\n");
            case 2 -> b.append("Content-Length: ").append(body.length() + 3).append("\r\n");
            case 3 -> b.append("Transfer-Encoding: chunked\r\nContent-Length: ").append(body.length()).append("\r\n");
            default -> { }
        }
        b.append("Connection: close\r\n\r\n");
        if (framing == 1 || framing == 3) {
            if (!body.isEmpty()) {
                b.append(Integer.toHexString(body.length())).append("\r\n").append(body).append("\r\n");
            }
            b.append("0\r\n\r\n");
        } else {
            b.append(body);
        }
        return b.toString();
    }

    static Arbitrary<String> segment() {
        return Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.integers().between(-5, 2_000_000).map(String::valueOf),
                Arbitraries.of("%zz", "%", "%G0", "%0d%0a", "%00", "%c3%28", "a%20b", "1,2", "200:0.5,404:0.5", "1e9", "0x10", "-0",
                        "..", "%2e%2e", ";x", "\u00e9"),
                text(12));
    }

    static Arbitrary<String> header() {
        Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of("Content-Type", "Expect", "Transfer-Encoding", "Host", "Cookie",
                "Authorization", "Connection", "Content-Length", "If-None-Match", "X-Test", "Bad Name", ""),
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(10));
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.of("application/json", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=b", "multipart/form-data; boundary=b; charset=nope", "100-continue", "chunked",
                "xchunked", "gzip, chunked", "Basic dTpw", "Bearer t", "a=b; c", "*", "-1", "99999999999999999999"), text(40));
        return Combinators.combine(name, value).as((n, v) -> n + ": " + v);
    }

    /** Printable ASCII with some control bytes and Latin-1 now and then. */
    static Arbitrary<String> text(int max) {
        return Arbitraries.strings().withCharRange(' ', '~').withChars('\t', '\u0000', '\u007f', '\u00ff', '\r', '\n')
                .ofMaxLength(max);
    }
}
