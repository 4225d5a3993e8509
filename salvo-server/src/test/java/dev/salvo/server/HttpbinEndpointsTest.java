package dev.salvo.server;

import static dev.salvo.server.TestHttp.get;
import static dev.salvo.server.TestHttp.json;
import static dev.salvo.server.TestHttp.send;
import static dev.salvo.server.TestHttp.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every row of HTTPBIN.md: valid input answers like httpbin, bad input with a JSON 4xx. */
class HttpbinEndpointsTest {
    static SalvoServer server;

    @BeforeAll
    static void start() {
        server = SalvoServer.start(ServerConfig.newBuilder().maxDuration(Duration.ofSeconds(2)).maxBody(4096).maxStream(4096).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Asserts the JSON error shape and returns its detail. */
    static String error(HttpResponse<byte[]> res, int status) {
        assertEquals(status, res.statusCode(), () -> text(res));
        JsonNode e = json(res);
        assertEquals(status, e.at("/status_code").asInt());
        assertFalse(e.at("/error").asText().isEmpty());
        assertFalse(e.at("/detail").asText().isEmpty());
        return e.at("/detail").asText();
    }

    static HttpResponse<byte[]> withHeader(String path, String name, String value) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url(path))).header(name, value).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void getEchoesAndRefusesOtherMethods() {
        JsonNode echo = json(withHeader("/get?x=1", "X-A", "1"));
        assertEquals("1", echo.at("/args/x").asText());
        assertTrue(echo.at("/headers/Content-Length").isMissingNode(), "no invented Content-Length: " + echo);
        HttpResponse<byte[]> post = send(server, "POST", "/get", "text/plain", "x");
        assertTrue(error(post, 405).contains("POST"));
        assertEquals("GET", post.headers().firstValue("Allow").orElseThrow());
        assertEquals(200, send(server, "HEAD", "/get", null, null).statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE"})
    void bodyMethodsEchoJsonAndRejectInvalidJson(String method) {
        String path = "/" + method.toLowerCase();
        JsonNode echo = json(send(server, method, path, "application/json", "{\"a\":[1,2]}"));
        assertEquals(2, echo.at("/json/a/1").asInt());
        assertEquals("{\"a\":[1,2]}", echo.at("/data").asText());
        assertTrue(error(send(server, method, path, "application/json", "{not json"), 400).contains("invalid JSON"));
        error(send(server, "GET", path, null, null), 405);
    }

    @Test
    void postParsesFormAndMultipart() {
        JsonNode form = json(send(server, "POST", "/post", "application/x-www-form-urlencoded", "a=1&a=2&b=%C3%A9"));
        assertEquals(2, form.at("/form/a").size());
        assertEquals("é", form.at("/form/b").asText());
        String multipart = "--XX\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nvalue\r\n"
                + "--XX\r\nContent-Disposition: form-data; name=\"up\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nfile body\r\n--XX--\r\n";
        JsonNode parts = json(send(server, "POST", "/post", "multipart/form-data; boundary=XX", multipart));
        assertEquals("value", parts.at("/form/f").asText());
        assertEquals("file body", parts.at("/files/up").asText());
    }

    @Test
    void bodyOverMaxIs413() {
        error(send(server, "POST", "/post", "text/plain", "x".repeat(5000)), 413);
    }

    @Test
    void anythingTakesAnyMethodAndPath() {
        JsonNode echo = json(send(server, "PATCH", "/anything/a/b?q=1", "text/plain", "hi"));
        assertEquals("PATCH", echo.at("/method").asText());
        assertEquals("hi", echo.at("/data").asText());
        assertTrue(echo.at("/url").asText().endsWith("/anything/a/b?q=1"));
        assertEquals(200, get(server, "/anything").statusCode());
        error(send(server, "POST", "/anything", "application/json", "[1,"), 400);
    }

    @Test
    void headersIpUserAgentUuid() {
        assertEquals("yes", json(withHeader("/headers", "X-Test", "yes")).at("/headers/X-Test").asText());
        assertEquals("127.0.0.1", json(get(server, "/ip")).at("/origin").asText());
        assertEquals("agent/1", json(withHeader("/user-agent", "User-Agent", "agent/1")).at("/user-agent").asText());
        String uuid = json(get(server, "/uuid")).at("/uuid").asText();
        assertEquals(36, uuid.length());
        assertFalse(uuid.equals(json(get(server, "/uuid")).at("/uuid").asText()));
    }

    @Test
    void statusCodesAndWeights() {
        assertEquals(204, get(server, "/status/204").statusCode());
        HttpResponse<byte[]> redirect = get(server, "/status/301");
        assertEquals("/redirect/1", redirect.headers().firstValue("Location").orElseThrow());
        assertTrue(get(server, "/status/401").headers().firstValue("WWW-Authenticate").isPresent());
        assertTrue(text(get(server, "/status/418")).contains("teapot"));
        assertEquals(503, send(server, "POST", "/status/503", null, null).statusCode());
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            seen.add(get(server, "/status/200:0.5,429:0.5").statusCode());
        }
        assertEquals(Set.of(200, 429), seen);
        assertEquals(201, get(server, "/status/201:1,500:0").statusCode());
        for (String bad : new String[] {"abc", "99", "600", "200:x", "200:-1", "200:0,500:0", "200:1:2", "2.5"}) {
            error(get(server, "/status/" + bad), 400);
        }
    }

    @Test
    void delayWaitsAndValidates() {
        long start = System.nanoTime();
        HttpResponse<byte[]> res = get(server, "/delay/0.2");
        assertTrue(System.nanoTime() - start >= 190_000_000L);
        assertTrue(res.headers().firstValue("Server-Timing").orElseThrow().contains("dur=200.00"));
        assertTrue(json(res).at("/url").asText().endsWith("/delay/0.2"));
        assertEquals(200, get(server, "/delay/100ms").statusCode());
        error(get(server, "/delay/-1"), 400);
        error(get(server, "/delay/abc"), 400);
        assertTrue(error(get(server, "/delay/3"), 400).contains("maximum"));
        error(get(server, "/delay"), 404);
    }

    @Test
    void bytesAndStreamBytes() {
        HttpResponse<byte[]> a = get(server, "/bytes/100?seed=7");
        assertEquals(100, a.body().length);
        assertEquals("100", a.headers().firstValue("Content-Length").orElseThrow());
        assertArrayEquals(a.body(), get(server, "/bytes/100?seed=7").body());
        assertArrayEquals(get(server, "/stream-bytes/100?seed=7").body(), a.body(), "sent whole, the same bytes as streamed");
        HttpResponse<byte[]> s = get(server, "/stream-bytes/300?seed=7&chunk_size=64");
        assertEquals(300, s.body().length);
        assertEquals("chunked", s.headers().firstValue("Transfer-Encoding").orElseThrow());
        assertArrayEquals(get(server, "/stream-bytes/300?seed=7").body(), s.body());
        for (String bad : new String[] {"/bytes/-1", "/bytes/x", "/bytes/4097", "/bytes/1.5", "/stream-bytes/-2", "/bytes/1?seed=x"}) {
            error(get(server, bad), 400);
        }
    }

    @Test
    void streamSendsClampedJsonLines() {
        String[] lines = text(get(server, "/stream/3")).split("\n");
        assertEquals(3, lines.length);
        assertEquals(2, TestHttp.JSON.valueToTree(parse(lines[2])).at("/id").asInt());
        assertEquals(100, text(get(server, "/stream/500")).split("\n").length);
        assertEquals(1, text(get(server, "/stream/0")).split("\n").length);
        error(get(server, "/stream/x"), 400);
    }

    private static JsonNode parse(String line) {
        try {
            return TestHttp.JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError(line, e);
        }
    }

    @Test
    void dripSpreadsBytesAndValidates() {
        long start = System.nanoTime();
        HttpResponse<byte[]> res = get(server, "/drip?duration=0.3&delay=0.1&numbytes=4&code=201");
        double took = (System.nanoTime() - start) / 1e9;
        assertEquals(201, res.statusCode());
        assertEquals("****", text(res));
        assertTrue(took >= 0.38, "drip took " + took);
        // a fast drip is written several bytes at a time (at most a write a millisecond), all of them
        start = System.nanoTime();
        HttpResponse<byte[]> fast = get(server, "/drip?duration=0.5&delay=0&numbytes=4000");
        took = (System.nanoTime() - start) / 1e9;
        assertEquals("*".repeat(4000), text(fast));
        assertTrue(took >= 0.45, "fast drip took " + took);
        assertEquals("*".repeat(3000), text(get(server, "/drip?duration=0&delay=0&numbytes=3000")));
        for (String bad : new String[] {"numbytes=0", "numbytes=5000", "duration=-1", "delay=x", "code=700", "duration=1.5&delay=1"}) {
            error(get(server, "/drip?" + bad), 400);
        }
    }

    @Test
    void validUtf8EscapesDecodeAndInvalidOnesAre400() {
        HttpResponse<byte[]> ok = get(server, "/anything/caf%C3%A9?q=%E2%82%AC");
        assertEquals(200, ok.statusCode());
        assertTrue(text(ok).contains("\u20ac") || text(ok).contains("\u20AC") || text(ok).contains("€"), text(ok));
        error(get(server, "/anything/%c3%28"), 400);
        error(get(server, "/get?a=%ff"), 400);
    }

    @Test
    void redirects() {
        assertEquals("/redirect/2", get(server, "/redirect/3").headers().firstValue("Location").orElseThrow());
        assertEquals("/get", get(server, "/relative-redirect/1").headers().firstValue("Location").orElseThrow());
        assertEquals(server.url("/absolute-redirect/1"), get(server, "/absolute-redirect/2").headers().firstValue("Location").orElseThrow());
        HttpResponse<byte[]> to = get(server, "/redirect-to?url=http://example.invalid/x&status_code=307");
        assertEquals(307, to.statusCode());
        assertEquals("http://example.invalid/x", to.headers().firstValue("Location").orElseThrow());
        for (String bad : new String[] {"/redirect/0", "/redirect/x", "/relative-redirect/-1", "/absolute-redirect/0",
                                        "/redirect-to?url=/a&status_code=200", "/redirect-to", "/redirect-to?url=/a&status_code=x"}) {
            error(get(server, bad), 400);
        }
    }

    @Test
    void gzipAndDeflate() throws IOException {
        HttpResponse<byte[]> g = get(server, "/gzip");
        assertEquals("gzip", g.headers().firstValue("Content-Encoding").orElseThrow());
        assertTrue(TestHttp.JSON.readTree(new GZIPInputStream(new ByteArrayInputStream(g.body()))).at("/gzipped").asBoolean());
        HttpResponse<byte[]> d = get(server, "/deflate");
        assertTrue(TestHttp.JSON.readTree(new InflaterInputStream(new ByteArrayInputStream(d.body()))).at("/deflated").asBoolean());
    }

    @Test
    void basicHiddenAndBearerAuth() {
        String good = "Basic " + Base64.getEncoder().encodeToString("u:p".getBytes(StandardCharsets.UTF_8));
        String bad = "Basic " + Base64.getEncoder().encodeToString("u:x".getBytes(StandardCharsets.UTF_8));
        JsonNode ok = json(withHeader("/basic-auth/u/p", "Authorization", good));
        assertTrue(ok.at("/authenticated").asBoolean());
        assertEquals("u", ok.at("/user").asText());
        HttpResponse<byte[]> denied = withHeader("/basic-auth/u/p", "Authorization", bad);
        assertEquals(401, denied.statusCode());
        assertTrue(denied.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Basic"));
        assertEquals(401, get(server, "/basic-auth/u/p").statusCode());
        assertEquals(200, withHeader("/hidden-basic-auth/u/p", "Authorization", good).statusCode());
        error(withHeader("/hidden-basic-auth/u/p", "Authorization", bad), 404);
        error(get(server, "/basic-auth/u"), 404);
        assertEquals("tok", json(withHeader("/bearer", "Authorization", "Bearer tok")).at("/token").asText());
        assertEquals(401, get(server, "/bearer").statusCode());
    }

    @Test
    void cookies() {
        assertEquals("v", json(withHeader("/cookies", "Cookie", "k=v; other=1")).at("/cookies/k").asText());
        HttpResponse<byte[]> set = get(server, "/cookies/set?a=1&b=2");
        assertEquals(302, set.statusCode());
        assertEquals("/cookies", set.headers().firstValue("Location").orElseThrow());
        assertEquals(2, set.headers().allValues("Set-Cookie").size());
        assertTrue(get(server, "/cookies/set/n/v").headers().firstValue("Set-Cookie").orElseThrow().startsWith("n=v"));
        assertTrue(get(server, "/cookies/delete?a").headers().firstValue("Set-Cookie").orElseThrow().contains("Max-Age=0"));
    }

    @Test
    void responseHeadersComeFromTheQuery() {
        HttpResponse<byte[]> res = get(server, "/response-headers?X-One=1&X-Two=a&X-Two=b");
        assertEquals("1", res.headers().firstValue("X-One").orElseThrow());
        assertEquals(2, res.headers().allValues("X-Two").size());
        assertEquals(2, json(res).at("/X-Two").size());
    }

    @Test
    void fixedDocuments() {
        assertTrue(text(get(server, "/html")).contains("Moby-Dick"));
        assertEquals("Sample Slide Show", json(get(server, "/json")).at("/slideshow/title").asText());
        assertTrue(text(get(server, "/xml")).contains("<slideshow"));
        assertTrue(text(get(server, "/robots.txt")).startsWith("User-agent: *"));
        HttpResponse<byte[]> utf8 = get(server, "/encoding/utf8");
        assertTrue(utf8.headers().firstValue("Content-Type").orElseThrow().contains("utf-8"));
        assertTrue(text(utf8).contains("∮"));
        HttpResponse<byte[]> png = get(server, "/image/png");
        assertEquals("image/png", png.headers().firstValue("Content-Type").orElseThrow());
        assertEquals((byte) 0x89, png.body()[0]);
        assertEquals(png.body().length, get(server, "/image/png").body().length, "the shared document buffer is not consumed");
    }

    @Test
    void cacheAndEtag() {
        HttpResponse<byte[]> fresh = get(server, "/cache");
        assertEquals(200, fresh.statusCode());
        assertTrue(fresh.headers().firstValue("Last-Modified").isPresent());
        assertEquals(304, withHeader("/cache", "If-None-Match", "\"x\"").statusCode());
        assertEquals(304, withHeader("/cache", "If-Modified-Since", "Sat, 21 Nov 2026 10:00:00 GMT").statusCode());
        assertEquals("public, max-age=60", get(server, "/cache/60").headers().firstValue("Cache-Control").orElseThrow());
        error(get(server, "/cache/x"), 400);
        assertEquals("\"abc\"", get(server, "/etag/abc").headers().firstValue("ETag").orElseThrow());
        assertEquals(304, withHeader("/etag/abc", "If-None-Match", "\"abc\"").statusCode());
        assertEquals(412, withHeader("/etag/abc", "If-Match", "\"zzz\"").statusCode());
        assertEquals(200, withHeader("/etag/abc", "If-Match", "\"abc\"").statusCode());
    }

    @Test
    void unknownPathIs404Json() {
        assertTrue(error(get(server, "/no/such/thing"), 404).contains("/no/such/thing"));
    }
}
