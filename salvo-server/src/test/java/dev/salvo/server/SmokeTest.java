package dev.salvo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SmokeTest {
    static final List<String> LOG = new CopyOnWriteArrayList<>();
    static SalvoServer server;

    @BeforeAll
    static void start() {
        server = SalvoServer.start(ServerConfig.newBuilder().accessLog(LOG::add).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void inFlightCountsTheRequestsBeingServedAndReturnsToZero() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        var slow = java.util.stream.IntStream.range(0, 2).mapToObj(i -> client.sendAsync(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url("/delay/0.3"))).build(),
                HttpResponse.BodyHandlers.discarding())).toList();
        TestHttp.awaitInFlight(server, 2);
        slow.forEach(f -> assertEquals(200, f.join().statusCode()));
        TestHttp.awaitInFlight(server, 0);
    }

    @Test
    void getEchoesQueryAndHeadersAndLogsOneLine() {
        HttpResponse<byte[]> res = TestHttp.get(server, "/get?a=1&b=2&b=3");
        assertEquals(200, res.statusCode());
        JsonNode json = TestHttp.json(res);
        assertEquals("1", json.at("/args/a").asText());
        assertEquals(2, json.at("/args/b").size());
        assertEquals("127.0.0.1", json.at("/origin").asText());
        assertEquals(server.url("/get?a=1&b=2&b=3"), json.at("/url").asText());
        assertTrue(json.at("/headers/User-Agent").asText().startsWith("Java-http-client"), json.toString());
        // the line is written once the reply is on the wire, which may be just after the client has it
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (LOG.stream().noneMatch(l -> l.contains("\"GET /get?a=1&b=2&b=3 HTTP/1.1\" 200 ")) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertTrue(LOG.stream().anyMatch(l -> l.matches("127\\.0\\.0\\.1 - - \\[.+\\] \"GET /get\\?a=1&b=2&b=3 HTTP/1\\.1\" 200 \\d+ [0-9.]+ms")), LOG.toString());
    }

    @Test
    void postEchoesJsonAndForm() {
        JsonNode json = TestHttp.json(TestHttp.send(server, "POST", "/post", "application/json", "{\"test\":\"someData\"}"));
        assertEquals("someData", json.at("/json/test").asText());
        JsonNode form = TestHttp.json(TestHttp.send(server, "POST", "/post", "application/x-www-form-urlencoded", "a=1&b=x+y"));
        assertEquals("x y", form.at("/form/b").asText());
    }

    @Test
    void expensiveFunctionSaysHowdy() {
        HttpResponse<byte[]> res = TestHttp.get(server, "/?cost=0.05");
        assertEquals(200, res.statusCode());
        assertEquals("Howdy!\r\n", TestHttp.text(res));
        assertEquals("text/plain; charset=UTF-8", res.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void statusDelayBytesAndFaultsWork() {
        assertEquals(418, TestHttp.get(server, "/status/418").statusCode());
        assertEquals(200, TestHttp.get(server, "/delay/10ms").statusCode());
        assertEquals(100, TestHttp.get(server, "/bytes/100").body().length);
        assertEquals(400, TestHttp.get(server, "/status/abc").statusCode());
        assertTrue(TestHttp.raw(server, "GET /fault/garbage HTTP/1.1\r\nHost: x\r\n\r\n").startsWith("GARBAGE"));
        String cut = TestHttp.raw(server, "GET /fault/close-mid-body HTTP/1.1\r\nHost: x\r\n\r\n");
        assertTrue(cut.contains("content-length: 1000") && cut.endsWith("0123456789"), cut);
    }
}
