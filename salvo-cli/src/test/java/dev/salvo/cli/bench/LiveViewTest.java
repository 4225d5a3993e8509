package dev.salvo.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.bench.ErrorKind;
import dev.salvo.bench.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LiveViewTest {
    private static Progress timed(Duration warmupLeft, Duration measured) {
        TreeMap<Integer, Long> statuses = new TreeMap<>(Map.of(200, 41_000L, 503, 12L));
        return new Progress(Duration.ofSeconds(5), warmupLeft, measured, Duration.ofSeconds(10), 41_012, 0, 40_500.4,
                39_800, 0.612, 1.204, 3.5, statuses, Map.of(ErrorKind.TIMEOUT, 3L));
    }

    @Test
    void theWarmupIsItsOwnCountdown() {
        List<String> lines = LiveView.lines(timed(Duration.ofMillis(1300), Duration.ZERO));

        assertEquals(List.of("warming up  1.3s left  40,500 req/s"), lines);
    }

    @Test
    void aTimedRunShowsTimeLeftRatesPercentilesStatusesAndErrors() {
        List<String> lines = LiveView.lines(timed(Duration.ZERO, Duration.ofMillis(2500)));

        assertEquals("[████████░░░░░░░░░░░░░░░░░░░░░░]  25%  2.5s / 10.0s  7.5s left", lines.get(0));
        assertEquals("  40,500 req/s now   39,800 req/s avg   41,012 done", lines.get(1));
        assertEquals("  latency  p50 0.612 ms   p90 1.204 ms   p99 3.500 ms", lines.get(2));
        assertEquals("  status  200: 41,000   503: 12", lines.get(3));
        assertEquals("  errors  timeout: 3", lines.get(4));
    }

    @Test
    void aCountedRunShowsCountLeftAndLinesNeverExceedTheWidth() {
        TreeMap<Integer, Long> many = new TreeMap<>();
        for (int code = 200; code < 230; code++) {
            many.put(code, 1_000_000L);
        }
        Progress p = new Progress(Duration.ofSeconds(3), Duration.ZERO, Duration.ofSeconds(3), Duration.ZERO, 750, 1000,
                250, 250, 0, 0, 0, many, Map.of());
        List<String> lines = LiveView.lines(p);

        assertTrue(lines.get(0).endsWith("75%  750 / 1,000  250 left"), lines.get(0));
        assertEquals("  latency  p50 -   p90 -   p99 -", lines.get(2));
        assertEquals("  errors  none", lines.get(4));
        lines.forEach(line -> assertTrue(line.length() <= LiveView.WIDTH, line));
        assertTrue(lines.get(3).endsWith("…"), lines.get(3));
    }

    @Test
    void redrawsInPlaceAtMostFourTimesASecondAndErasesItselfOnClose() throws Exception {
        StringWriter text = new StringWriter();
        CountDownLatch drawn = new CountDownLatch(3);
        long start = System.nanoTime();
        LiveView view = LiveView.start(new PrintWriter(text), () -> {
            drawn.countDown();
            return List.of("one", "two");
        });
        assertTrue(drawn.await(5, TimeUnit.SECONDS));
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        view.close();
        String out = text.toString();

        assertTrue(elapsedMillis >= 2 * LiveView.REDRAW_MILLIS - 20, "three frames take two intervals: " + elapsedMillis);
        assertTrue(out.startsWith("\rone\033[K\ntwo\033[K\n\033[J"), out);
        assertTrue(out.contains("\r\033[2Aone\033[K\n"), "later frames move up over the last one");
        assertTrue(out.endsWith("\r\033[2A\033[J"), "closing erases the block");
        int length = out.length();
        Thread.sleep(LiveView.REDRAW_MILLIS * 2); // not synchronisation: two redraw intervals in which nothing may come
        assertEquals(length, text.toString().length(), "nothing drawn after close");
    }
}
