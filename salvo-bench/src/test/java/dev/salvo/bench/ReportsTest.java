package dev.salvo.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class ReportsTest extends LoadFixture {
    private static BenchResult open;

    @BeforeAll
    static void runOnce() throws Exception {
        open = run(config("/get").rate(400).connections(8).duration(Duration.ofMillis(2500)).warmup(Duration.ZERO).build());
    }

    @Test
    void jsonHasTheDocumentedFields(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bench.json");
        JsonReport.write(open, file);
        JsonNode json = new ObjectMapper().readTree(Files.readString(file));

        assertEquals(open.requests(), json.get("requests").asLong());
        assertTrue(json.get("duration_s").isDouble());
        assertEquals(2.5, json.get("duration_s").asDouble(), 0.1);
        assertEquals(open.requestsPerSecond(), json.get("rps").asDouble(), 1e-6);
        assertEquals("open", json.get("model").asText());
        for (String key : List.of("mean", "stdev", "p50", "p75", "p90", "p99", "p999", "p9999", "max")) {
            assertTrue(json.get("latency_ms").get(key).isNumber(), key);
            assertTrue(json.get("latency_uncorrected_ms").get(key).isNumber(), key);
        }
        assertTrue(json.get("latency_ms").get("p50").asDouble() > 0);
        assertTrue(json.get("latency_ms").get("p999").asDouble() <= json.get("latency_ms").get("max").asDouble());
        assertEquals(open.responses(), json.get("status").get("200").asLong());
        for (ErrorKind kind : ErrorKind.values()) {
            assertEquals(0, json.get("errors").get(kind.key()).asLong(), kind.key());
        }
        JsonNode series = json.get("series");
        assertTrue(series.isArray() && series.size() >= 2, series.toString());
        for (JsonNode second : series) {
            for (String key : List.of("t_s", "length_s", "requests", "rps", "errors", "p50_ms", "p99_ms", "max_ms")) {
                assertTrue(second.get(key).isNumber(), key + " in " + second);
            }
        }
        long inSeries = 0;
        for (JsonNode second : series) {
            inSeries += second.get("requests").asLong();
        }
        assertEquals(open.requests(), inSeries, open.requests() / 50.0, "the series adds up to the total");
    }

    @Test
    void htmlIsOneWellFormedPageWithFiveSvgChartsAndTheObjectives(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bench.html");
        BenchResult checked = new BenchResult(config("/get").rate(400).connections(8).duration(Duration.ofMillis(2500))
                .warmup(Duration.ZERO).slo(Slo.parse("p99<10s")).slo(Slo.parse("rps>1000000")).build(), open.duration(),
                open.requests(), open.bytes(), open.latency(), open.uncorrectedLatency(), open.statuses(), open.protocols(), open.errors(),
                open.series(), open.lateSends(), open.missedSends(), false, 1);
        HtmlReport.write(checked, file);
        String html = Files.readString(file);

        assertFalse(html.contains("<script"), "no scripts");
        assertFalse(html.contains("src="), "no external files");
        Document page = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(html)));
        NodeList svgs = page.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg");
        assertEquals(5, svgs.getLength());
        for (int i = 0; i < svgs.getLength(); i++) {
            assertEquals("100%", ((Element) svgs.item(i)).getAttribute("width"), "charts take the page width");
        }
        NodeList lines = page.getElementsByTagNameNS("http://www.w3.org/2000/svg", "polyline");
        assertEquals(9, lines.getLength(), "corrected, uncorrected, requests/s, errors/s, p50/p90/p99/max, 200/s");
        Element histogram = (Element) svgs.item(1);
        assertEquals(TextReport.HISTOGRAM_BUCKETS, histogram.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect")
                .getLength(), "the same buckets as the text report");
        NodeList cells = page.getElementsByTagName("td");
        assertEquals(List.of("p99<10s", "pass", "rps>1000000", "FAIL"), List.of(cells.item(0).getTextContent(),
                cells.item(2).getTextContent(), cells.item(3).getTextContent(), cells.item(5).getTextContent()));
        for (int i = 0; i < lines.getLength(); i++) {
            String points = ((Element) lines.item(i)).getAttribute("points");
            assertTrue(points.split(" ").length >= 2, "a line with points: " + points);
            assertFalse(points.contains("NaN") || points.contains("Infinity"), points);
        }
        assertTrue(page.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect").getLength() > 3, "histogram bars");
        assertTrue(page.getElementsByTagName("pre").item(0).getTextContent().contains("p99.9"));
    }

    @Test
    void textShowsEveryFigure() {
        String text = TextReport.render(open);

        for (String part : List.of("Requests", "req/s", "/s,", "mean", "stdev", "p50", "p75", "p90", "p99", "p99.9",
                "p99.99", "max", "from intended send", "from actual send", "Status    200: ", "Errors    none",
                "Latency histogram", "■")) {
            assertTrue(text.contains(part), part + " in\n" + text);
        }
    }

    @Test
    void reportsOfARunWithoutResponsesStillRender() throws Exception {
        BenchResult empty = run(config("/fault/garbage").connections(1).requests(3).build());

        assertTrue(TextReport.render(empty).contains("protocol: 3"), TextReport.render(empty));
        assertEquals(3, new ObjectMapper().readTree(JsonReport.render(empty)).get("errors").get("protocol").asLong());
        DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(HtmlReport.render(empty))));
    }
}
