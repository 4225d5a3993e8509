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
 * embedded server's {@code /capacity/{n}} (n workers, latency growing past n) and records the adaptive
 * limit each time it moves ({@link CallEvent.Phase#LIMIT_CHANGED}) and, at each call's start, how many
 * calls to the host were in flight (never more than the limit). Writes a self-contained HTML page with
 * an SVG chart of both over time, the capacity N marked, and a legend.
 * Usage: {@code AdaptiveReport [n] [calls] [work] [out.html]}.
 */
public final class AdaptiveReport {
    private AdaptiveReport() {
    }

    /** A value at a time: calls in flight at a start, or the limit after a move. */
    private record Point(double seconds, int value) {
    }

    private static final int INITIAL_LIMIT = 4;
    private static final double W = 1000;
    private static final double H = 400;

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
        String work = args.length > 2 ? args[2] : "20ms";
        Path out = Path.of(args.length > 3 ? args[3] : "adaptive.html");
        List<Point> points = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Point> limits = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger running = new AtomicInteger();
        long start = System.nanoTime();
        try (ServerProcess server = ServerProcess.start();
             Salvo http = Salvo.newBuilder().maxInFlight(256).adaptiveConcurrency(true).eventListener(event -> {
                 if (event.phase() == CallEvent.Phase.STARTED) {
                     points.add(new Point((event.nanoTime() - start) / 1e9, running.incrementAndGet()));
                 } else if (event.phase() == CallEvent.Phase.COMPLETED || event.phase() == CallEvent.Phase.FAILED) {
                     running.decrementAndGet();
                 } else if (event.phase() == CallEvent.Phase.LIMIT_CHANGED) {
                     limits.add(new Point((event.nanoTime() - start) / 1e9, (int) event.value()));
                 }
             }).build()) {
            List<CompletableFuture<Response>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                futures.add(http.send(Request.get(server.baseUrl() + "/capacity/" + n + "?work=" + work)));
            }
            long failed = futures.stream().filter(f -> f.handle((r, e) -> e != null || r.status() != 200).join()).count();
            double first = points.get(0).seconds(); // time 0 is the first start, not the server's launch
            List<Point> all = shifted(points, first);
            List<Point> moves = new ArrayList<>(List.of(new Point(0, INITIAL_LIMIT)));
            moves.addAll(shifted(limits, first));
            int median = secondHalfMedian(all);
            int limitMedian = secondHalfMedian(moves);
            Files.writeString(out, html(all, moves, n, calls, work, median, limitMedian, failed));
            System.out.printf("capacity=%d calls=%d work=%s failed=%d settled_median_in_flight=%d"
                    + " settled_median_limit=%d limit_moves=%d report=%s%n",
                    n, calls, work, failed, median, limitMedian, moves.size() - 1, out);
        }
    }

    private static List<Point> shifted(List<Point> points, double by) {
        synchronized (points) {
            return points.stream().map(p -> new Point(p.seconds() - by, p.value())).toList();
        }
    }

    private static int secondHalfMedian(List<Point> points) {
        List<Integer> tail = points.subList(points.size() / 2, points.size()).stream().map(Point::value).sorted().toList();
        return tail.get(tail.size() / 2);
    }

    private static double x(double seconds, double maxT) {
        return 60 + seconds / maxT * (W - 80);
    }

    private static double y(int value, int maxY) {
        return H - 40 - (double) value / maxY * (H - 60);
    }

    /** The in-flight counts joined point to point; the limit as steps (it holds until its next move). */
    private static String path(List<Point> points, double maxT, int maxY, boolean steps) {
        StringBuilder path = new StringBuilder();
        for (Point p : points) {
            if (path.isEmpty()) {
                path.append(String.format(Locale.ROOT, "M%.1f,%.1f", x(p.seconds(), maxT), y(p.value(), maxY)));
            } else if (steps) {
                path.append(String.format(Locale.ROOT, "H%.1fV%.1f", x(p.seconds(), maxT), y(p.value(), maxY)));
            } else {
                path.append(String.format(Locale.ROOT, "L%.1f,%.1f", x(p.seconds(), maxT), y(p.value(), maxY)));
            }
        }
        return path.toString();
    }

    private static String html(List<Point> points, List<Point> limits, int n, int calls, String work, int median,
            int limitMedian, long failed) throws IOException {
        double maxT = points.get(points.size() - 1).seconds();
        int maxY = Math.max(n * 2, Math.max(points.stream().mapToInt(Point::value).max().orElse(1),
                limits.stream().mapToInt(Point::value).max().orElse(1)));
        String limitPath = path(limits, maxT, maxY, true) + String.format(Locale.ROOT, "H%.1f", x(maxT, maxT));
        double capY = y(n, maxY);
        return """
                <!doctype html><html><head><meta charset="utf-8"><title>Adaptive concurrency</title>
                <style>body{font-family:sans-serif;margin:2em}text{font-size:13px}</style></head><body>
                <h1>Adaptive concurrency against /capacity/%d</h1>
                <p>%d calls sent at once, each served in %s by one of N = %d workers. Orange: the client's adaptive
                limit for the host, from its <code>LIMIT_CHANGED</code> events (%d moves); blue: calls in flight to the
                host at each start (bounded by the limit). Medians over the second half: limit <b>%d</b>, in flight
                <b>%d</b>; failed: %d.</p>
                <svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f">
                <line x1="60" y1="%.0f" x2="%.0f" y2="%.0f" stroke="#999"/>
                <line x1="60" y1="20" x2="60" y2="%.0f" stroke="#999"/>
                <path d="%s" fill="none" stroke="#e80" stroke-width="4" opacity="0.6"/>
                <path d="%s" fill="none" stroke="#36c" stroke-width="1"/>
                <line x1="60" y1="%.1f" x2="%.0f" y2="%.1f" stroke="#c33" stroke-dasharray="6,4"/>
                <text x="%.0f" y="%.1f" fill="#c33">N = %d</text>
                <text x="60" y="%.0f">0 s</text><text x="%.0f" y="%.0f">%.1f s</text>
                <text x="10" y="25">%d</text><text x="10" y="%.0f">0</text>
                <g transform="translate(%.0f,30)">
                <rect x="-10" y="-15" width="200" height="70" fill="#fff" stroke="#ccc"/>
                <line x1="0" y1="0" x2="24" y2="0" stroke="#e80" stroke-width="4" opacity="0.6"/><text x="32" y="4">adaptive limit</text>
                <line x1="0" y1="20" x2="24" y2="20" stroke="#36c"/><text x="32" y="24">in flight at each start</text>
                <line x1="0" y1="40" x2="24" y2="40" stroke="#c33" stroke-dasharray="6,4"/><text x="32" y="44">N (server capacity)</text>
                </g>
                </svg></body></html>
                """.formatted(n, calls, work, n, limits.size() - 1, limitMedian, median, failed, W, H,
                H - 40, W - 20, H - 40, H - 40, limitPath, path(points, maxT, maxY, false),
                capY, W - 20, capY, 66.0, capY + 16, n, H - 20, W - 60, H - 20, maxT, maxY, H - 40, W - 230);
    }
}
