package dev.salvo.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.cli.timeline.Bar;
import dev.salvo.cli.timeline.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The waterfall's drawing rules: visible short bars, shared rows for them, each run from its own 0, a legend. */
class WaterfallSvgTest {
    private static final long MS = 1_000_000;
    private static final Pattern BAR = Pattern.compile("<rect class=\"bar[^\"]*\" x=\"([\\d.]+)\" y=\"(\\d+)\" width=\"([\\d.]+)\"");

    @Test
    void shortRequestsAreVisibleAndFollowTheOneBeforeOnItsRow() {
        // a search job: a 250 ms create, then 2 ms results and 1 ms cancel, three times in a row
        List<Bar> bars = new ArrayList<>();
        long t = 0;
        for (int i = 0; i < 3; i++) {
            bars.add(new Bar("create", t, t, t + 250 * MS, false));
            bars.add(new Bar("results", t + 250 * MS, t + 250 * MS, t + 252 * MS, false));
            bars.add(new Bar("cancel", t + 252 * MS, t + 252 * MS, t + 253 * MS, false));
            t += 253 * MS;
        }
        String svg = WaterfallSvg.render(List.of(new Run("sync", t, bars)));
        List<double[]> drawn = drawn(svg);
        assertEquals(9, drawn.size(), "one bar per request");
        drawn.forEach(bar -> assertTrue(bar[2] >= WaterfallRows.MIN_WIDTH, () -> "a bar " + bar[2] + " px wide is a hairline"));
        assertEquals(3, drawn.stream().mapToDouble(bar -> bar[1]).distinct().count(), "three rows, one per job: " + svg);
        for (int job = 0; job < 3; job++) {
            double[] create = drawn.get(3 * job);
            double[] results = drawn.get(3 * job + 1);
            double[] cancel = drawn.get(3 * job + 2);
            assertEquals(create[1], results[1]);
            assertEquals(create[1], cancel[1]);
            assertTrue(results[0] >= create[0] + create[2] && cancel[0] >= results[0] + results[2],
                    () -> "the short calls follow their job without overlapping: " + svg);
        }
        assertTrue(svg.contains("9 requests (short ones follow the one before on its row)"), svg);
    }

    @Test
    void everyRunStartsAtItsOwnZero() {
        long late = 270 * MS; // a run whose first request came 0.27 s after its timeline began
        Run first = new Run("sync", 500 * MS, List.of(new Bar("a", 0, 0, 500 * MS, false)));
        Run second = new Run("async", 500 * MS, List.of(new Bar("b", late, late, late + 500 * MS, false)));
        List<double[]> drawn = drawn(WaterfallSvg.render(List.of(first, second)));
        assertEquals(drawn.get(0)[0], drawn.get(1)[0], "both runs' first bars start at x of 0 s");
        assertEquals(drawn.get(0)[2], drawn.get(1)[2], 0.01, "the same time scale");
    }

    @Test
    void theLegendNamesQueuedRunningAndFailedAndIsNotABar() {
        Bar queued = new Bar("q", 0, 100 * MS, 200 * MS, false);
        Bar failed = new Bar("f", 0, 0, 50 * MS, true);
        String svg = WaterfallSvg.render(List.of(new Run("r", 200 * MS, List.of(queued, failed))));
        for (String words : List.of(">running<", ">queued in the client<", ">failed<")) {
            assertTrue(svg.contains(words), () -> words + " missing from the legend: " + svg);
        }
        assertEquals(2, drawn(svg).size(), "legend swatches are not counted as requests");
        assertTrue(svg.contains("<rect class=\"queued\""), svg);
        assertTrue(svg.contains("<rect class=\"bar failed\""), svg);
    }

    @Test
    void thePartsOfABarAreShadedWithinItAndNamedInTheLegend() {
        List<Bar.Segment> parts = List.of(new Bar.Segment(Bar.Part.CONNECT, 0, 10 * MS),
                new Bar.Segment(Bar.Part.TLS, 10 * MS, 30 * MS), new Bar.Segment(Bar.Part.WAIT, 31 * MS, 131 * MS),
                new Bar.Segment(Bar.Part.BODY, 131 * MS, 150 * MS));
        Bar bar = new Bar("GET https://a/", 0, 0, 150 * MS, false, parts);
        String svg = WaterfallSvg.render(List.of(new Run("r", 150 * MS, List.of(bar))));
        double[] drawn = drawn(svg).get(0);
        Matcher m = Pattern.compile("<rect class=\"part (\\w+)\" x=\"([\\d.]+)\" y=\"\\d+\" width=\"([\\d.]+)\"").matcher(svg);
        List<String> kinds = new ArrayList<>();
        double end = drawn[0];
        while (m.find()) {
            kinds.add(m.group(1));
            double x = Double.parseDouble(m.group(2));
            double width = Double.parseDouble(m.group(3));
            assertTrue(x >= end - 0.11 && x + width <= drawn[0] + drawn[2] + 0.11, () -> "parts in order, inside the bar: " + svg);
            end = x + width;
        }
        assertEquals(List.of("connect", "tls", "wait", "body"), kinds);
        double scale = drawn[2] / (150 * MS);
        assertEquals(100 * MS * scale, widthOf(svg, "wait"), 0.2, "the wait drawn to scale");
        for (String words : List.of(">connect<", ">TLS<", ">waiting for the server<", ">response body<")) {
            assertTrue(svg.contains(words), () -> words + " missing from the legend: " + svg);
        }
        assertTrue(svg.contains("waiting for the server 100.0 ms"), "the title says how long each part took: " + svg);
        assertEquals(1, drawn(svg).size(), "parts are not counted as requests");
    }

    @Test
    void theProtocolOfEachResponseIsInItsTitleAndTheRunsHeading() {
        Bar h2 = new Bar("GET http://a/1", 0, 0, 10 * MS, false, List.of(), "HTTP/2");
        Bar h1 = new Bar("GET http://b/2", 0, 0, 10 * MS, false, List.of(), "HTTP/1.1");
        Bar unknown = new Bar("GET http://c/3", 0, 0, 10 * MS, true);
        String mixed = WaterfallSvg.render(List.of(new Run("r", 10 * MS, List.of(h2, h1, unknown))));
        assertTrue(mixed.contains("3 requests over HTTP/1.1 and HTTP/2<"), mixed);
        assertTrue(mixed.contains("<title>GET http://a/1 over HTTP/2: queued"), mixed);
        assertTrue(mixed.contains("<title>GET http://c/3: queued"), "no protocol when none is known: " + mixed);
        String none = WaterfallSvg.render(List.of(new Run("r", 10 * MS, List.of(unknown))));
        assertTrue(none.contains("1 requests<"), none);
    }

    private static double widthOf(String svg, String part) {
        Matcher m = Pattern.compile("<rect class=\"part " + part + "\" x=\"[\\d.]+\" y=\"\\d+\" width=\"([\\d.]+)\"").matcher(svg);
        assertTrue(m.find(), part);
        return Double.parseDouble(m.group(1));
    }

    /** Each bar's x, y and width, in document order. */
    private static List<double[]> drawn(String svg) {
        List<double[]> bars = new ArrayList<>();
        Matcher m = BAR.matcher(svg);
        while (m.find()) {
            bars.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))});
        }
        return bars;
    }
}
