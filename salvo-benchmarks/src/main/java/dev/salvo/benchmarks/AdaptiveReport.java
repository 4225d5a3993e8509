package dev.salvo.benchmarks;

import dev.salvo.client.CallEvent;
import dev.salvo.client.Request;
import dev.salvo.client.Response;
import dev.salvo.client.Salvo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issue 14's picture: a client with adaptive concurrency sends {@code calls} requests at once to the
 * embedded server's {@code /capacity/{n}} (n workers, latency growing past n) and records, at each
 * call's start, how many calls to the host were in flight (never more than the adaptive limit). Writes a
 * self-contained HTML page with an SVG chart of that over time, the capacity drawn as a line.
 * Usage: {@code AdaptiveReport [n] [calls] [work] [out.html]}.
 */
public final class AdaptiveReport {
    private AdaptiveReport() {
    }

    private record Point(double seconds, int inFlight) {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
        String work = args.length > 2 ? args[2] : "20ms";
        Path out = Path.of(args.length > 3 ? args[3] : "adaptive.html");
        List<Point> points = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger running = new AtomicInteger();
        long start = System.nanoTime();
        try (ServerProcess server = ServerProcess.start();
             Salvo http = Salvo.newBuilder().maxInFlight(256).adaptiveConcurrency(true).eventListener(event -> {
                 if (event.phase() == CallEvent.Phase.STARTED) {
                     points.add(new Point((event.nanoTime() - start) / 1e9, running.incrementAndGet()));
                 } else if (event.phase() == CallEvent.Phase.COMPLETED || event.phase() == CallEvent.Phase.FAILED) {
                     running.decrementAndGet();
                 }
             }).build()) {
            List<CompletableFuture<Response>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                futures.add(http.send(Request.get(server.baseUrl() + "/capacity/" + n + "?work=" + work)));
            }
            long failed = futures.stream().filter(f -> f.handle((r, e) -> e != null || r.status() != 200).join()).count();
            List<Point> all = List.copyOf(points);
            List<Integer> tail = all.subList(all.size() / 2, all.size()).stream().map(Point::inFlight).sorted().toList();
            int median = tail.get(tail.size() / 2);
            Files.writeString(out, html(all, n, calls, work, median, failed));
            System.out.printf("capacity=%d calls=%d work=%s failed=%d settled_median_in_flight=%d report=%s%n",
                    n, calls, work, failed, median, out);
        }
    }

    private static String html(List<Point> points, int n, int calls, String work, int median, long failed) throws IOException {
        double w = 1000;
        double h = 400;
        double maxT = points.get(points.size() - 1).seconds();
        int maxY = Math.max(n * 2, points.stream().mapToInt(Point::inFlight).max().orElse(1));
        StringBuilder path = new StringBuilder();
        for (Point p : points) {
            path.append(path.isEmpty() ? "M" : "L").append(String.format(Locale.ROOT, "%.1f,%.1f",
                    60 + p.seconds() / maxT * (w - 80), h - 40 - (double) p.inFlight() / maxY * (h - 60)));
        }
        double capY = h - 40 - (double) n / maxY * (h - 60);
        return """
                <!doctype html><html><head><meta charset="utf-8"><title>Adaptive concurrency</title>
                <style>body{font-family:sans-serif;margin:2em}text{font-size:13px}</style></head><body>
                <h1>Adaptive concurrency against /capacity/%d</h1>
                <p>%d calls sent at once, each served in %s by one of %d workers; calls in flight to the host at
                each start (bounded by the adaptive limit). Median over the second half: <b>%d</b>; failed: %d.</p>
                <svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f">
                <line x1="60" y1="%.0f" x2="%.0f" y2="%.0f" stroke="#999"/>
                <line x1="60" y1="20" x2="60" y2="%.0f" stroke="#999"/>
                <line x1="60" y1="%.1f" x2="%.0f" y2="%.1f" stroke="#c33" stroke-dasharray="6,4"/>
                <text x="%.0f" y="%.1f" fill="#c33">capacity %d</text>
                <path d="%s" fill="none" stroke="#36c" stroke-width="1"/>
                <text x="60" y="%.0f">0 s</text><text x="%.0f" y="%.0f">%.1f s</text>
                <text x="10" y="25">%d</text><text x="10" y="%.0f">0</text>
                </svg></body></html>
                """.formatted(n, calls, work, n, median, failed, w, h, h - 40, w - 20, h - 40, h - 40,
                capY, w - 20, capY, w - 120, capY - 5, n, path, h - 20, w - 60, h - 20, maxT, maxY, h - 40);
    }
}
