package dev.salvo.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A small JDK-HttpClient and raw-socket client for the server's tests (no salvo-client here). */
final class TestHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private TestHttp() {
    }

    static HttpResponse<byte[]> send(SalvoServer server, String method, String path, String contentType, String body) {
        return sendBytes(server, method, path, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<byte[]> sendBytes(SalvoServer server, String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path))).timeout(Duration.ofSeconds(30));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<byte[]> get(SalvoServer server, String path) {
        return send(server, "GET", path, null, null);
    }

    static String text(HttpResponse<byte[]> res) {
        return new String(res.body(), StandardCharsets.UTF_8);
    }

    static JsonNode json(HttpResponse<byte[]> res) {
        try {
            return JSON.readTree(res.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text(res), e);
        }
    }

    /** Writes raw bytes on a fresh connection and returns everything the server sends until it closes. */
    static String raw(SalvoServer server, byte[] request) {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request);
            out.flush();
            return readAll(s.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String raw(SalvoServer server, String request) {
        return raw(server, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    /** One reply parsed off the wire: status, header lines as sent, body (Content-Length framed, or none). */
    record Reply(int status, List<String> headers, String body) {
        /** The values of header {@code name}, any case. */
        List<String> header(String name) {
            return headers.stream().filter(h -> h.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(h -> h.substring(name.length() + 1).strip()).toList();
        }
    }

    /** Splits what a connection received into replies; a reply without Content-Length ends the input. */
    static List<Reply> replies(String wire) {
        List<Reply> out = new ArrayList<>();
        int at = 0;
        while (at < wire.length()) {
            int headEnd = wire.indexOf("\r\n\r\n", at);
            if (headEnd < 0) {
                throw new AssertionError("truncated reply at " + at + ": " + wire);
            }
            String[] lines = wire.substring(at, headEnd).split("\r\n");
            if (!lines[0].startsWith("HTTP/1.1 ")) {
                throw new AssertionError("not a status line at " + at + ": " + wire);
            }
            List<String> headers = List.of(lines).subList(1, lines.length);
            Reply head = new Reply(Integer.parseInt(lines[0].substring(9, 12)), headers, "");
            List<String> length = head.header("Content-Length");
            int bodyStart = headEnd + 4;
            int bodyEnd = length.isEmpty() ? wire.length() : bodyStart + Integer.parseInt(length.getFirst());
            out.add(new Reply(head.status(), headers, wire.substring(bodyStart, Math.min(bodyEnd, wire.length()))));
            at = bodyEnd;
        }
        return out;
    }

    /** Waits, boundedly (10 s), until the server is serving {@code n} requests; fails the test otherwise. */
    static void awaitInFlight(SalvoServer server, int n) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (server.inFlight() != n) {
            if (System.nanoTime() > end) {
                throw new AssertionError("the server serves " + server.inFlight() + " requests, not " + n);
            }
            Thread.sleep(2); // the poll interval of this bounded loop, not a guess at when the count is reached
        }
    }
}
