package dev.salvo.server;

import static dev.salvo.server.HttpbinEndpointsTest.error;
import static dev.salvo.server.TestHttp.get;
import static dev.salvo.server.TestHttp.json;
import static dev.salvo.server.TestHttp.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seed services: expensive function, books API (S4), search jobs (S1). */
class SeedServicesTest {
    static final List<String> ISBNS = List.of("9780007355143", "9780008108298", "9780547249643", "9781405882583",
            "9780316095860", "9780930289232", "9780486415871", "9780765350381", "9789898559425", "9781944529024",
            "9780765376671", "9781400079988", "9781438114026", "9780393066258");
    static SalvoServer server;
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = SalvoServer.start(ServerConfig.newBuilder()
                .booksLatency(Duration.ofMillis(50)).searchJobTime(Duration.ofMillis(150)).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void expensiveFunctionAnswersAnyMethodAndValidates() {
        HttpResponse<byte[]> res = TestHttp.send(server, "POST", "/?cost=0.01", "text/plain", "x");
        assertEquals("Howdy!\r\n", text(res));
        long start = System.nanoTime();
        assertEquals(200, get(server, "/?cost=0.2&kind=cpu").statusCode());
        assertTrue(System.nanoTime() - start >= 190_000_000L);
        error(get(server, "/?cost=abc"), 400);
        error(get(server, "/?cost=-1"), 400);
        error(get(server, "/?cost=11"), 400);
        error(get(server, "/?kind=gpu"), 400);
    }

    @Test
    void booksHaveDistinctStableTitlesAndLatency() {
        Set<String> titles = new HashSet<>();
        for (String isbn : ISBNS) {
            JsonNode doc = json(get(server, "/books/v1/volumes?q=isbn:" + isbn));
            assertEquals(1, doc.at("/totalItems").asInt());
            String title = doc.at("/items/0/volumeInfo/title").asText();
            assertFalse(title.isEmpty());
            assertTrue(doc.at("/items/0/volumeInfo/authors/0").isTextual());
            titles.add(title);
            assertEquals(title, json(get(server, "/books/v1/volumes?q=isbn:" + isbn)).at("/items/0/volumeInfo/title").asText());
        }
        assertEquals(14, titles.size());
        long start = System.nanoTime();
        JsonNode unknown = json(get(server, "/books/v1/volumes?q=isbn:9781234567897"));
        assertTrue(System.nanoTime() - start >= 45_000_000L, "the configured latency applies");
        assertEquals(0, unknown.at("/totalItems").asInt());
        assertTrue(unknown.at("/items").isMissingNode());
        error(get(server, "/books/v1/volumes"), 400);
        error(get(server, "/books/v1/volumes?q=title:x"), 400);
        error(get(server, "/books/v1/volumes?q=isbn:12ab"), 400);
    }

    static HttpResponse<String> form(String path, String key, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Authorization", "Splunk " + key);
        }
        try {
            return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    static String xmlValue(String xml, String tag) {
        Matcher m = Pattern.compile("<" + tag + ">([^<]+)</" + tag + ">").matcher(xml);
        assertTrue(m.find(), xml);
        return m.group(1);
    }

    static HttpResponse<String> results(String sid, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url("/services/search/jobs/" + sid + "/results?segmentation=none")));
        if (key != null) {
            b.header("Authorization", "Splunk " + key);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void searchJobsLifecycle() throws Exception {
        HttpResponse<String> login = form("/services/auth/login", null, "username=admin&password=changeme");
        assertEquals(200, login.statusCode());
        String key = xmlValue(login.body(), "sessionKey");

        long start = System.nanoTime();
        HttpResponse<String> job = form("/services/search/jobs", key, "search=search+*+%7C+head+100&exec_mode=blocking");
        assertTrue(System.nanoTime() - start >= 140_000_000L, "blocking waits for the job");
        assertEquals(201, job.statusCode());
        String sid = xmlValue(job.body(), "sid");

        HttpResponse<String> rows = results(sid, key);
        assertEquals(200, rows.statusCode());
        assertEquals(100, rows.body().split("<result ").length - 1);

        assertEquals(200, form("/services/search/jobs/" + sid + "/control", key, "action=cancel").statusCode());
        assertEquals(404, form("/services/search/jobs/" + sid + "/control", key, "action=cancel").statusCode());
        assertEquals(404, results(sid, key).statusCode());
    }

    @Test
    void searchJobsRunningAndRejections() throws Exception {
        String key = xmlValue(form("/services/auth/login", null, "username=u&password=p").body(), "sessionKey");
        String sid = xmlValue(form("/services/search/jobs", key, "search=x").body(), "sid");
        assertEquals(204, results(sid, key).statusCode(), "normal mode answers at once; the job still runs");
        assertEquals(400, form("/services/search/jobs/" + sid + "/control", key, "action=pause").statusCode());
        assertEquals(401, form("/services/search/jobs", null, "search=x").statusCode());
        assertEquals(401, form("/services/search/jobs", "not-a-session", "search=x").statusCode());
        assertEquals(401, results(sid, null).statusCode());
        assertEquals(400, form("/services/search/jobs", key, "exec_mode=blocking").statusCode());
        assertEquals(400, form("/services/auth/login", null, "username=u").statusCode());
        assertEquals(404, form("/services/search/jobs/nope/control", key, "action=cancel").statusCode());
    }
}
