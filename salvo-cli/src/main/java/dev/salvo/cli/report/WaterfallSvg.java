package dev.salvo.cli.report;

import dev.salvo.cli.timeline.Bar;
import dev.salvo.cli.timeline.Run;
import java.util.List;
import java.util.Locale;

/**
 * Draws runs as one SVG waterfall on one time axis: a legend, a heading row per run, then its
 * requests, each a {@code rect.bar} from its start to its end with its queued time before that
 * shaded ({@code rect.queued}), failures in red. Within a bar, the parts its events told apart are
 * shaded ({@code rect.part}: connect, TLS, waiting for the server, response body; see {@link Bar.Part}),
 * so where a request's time went shows at a glance. Every run counts from its own first request, so a
 * sequential and a concurrent run of the same requests compare at a glance; short requests are
 * drawn at a visible width and share rows ({@link WaterfallRows}).
 */
final class WaterfallSvg {
    private static final int WIDTH = 960;
    private static final int LABEL_WIDTH = 12;
    private static final int ROW = 9;
    private static final int BAR_HEIGHT = 7;
    private static final int HEADING = 20;
    private static final int LEGEND = 16;
    private static final int AXIS = LEGEND + 24;

    private WaterfallSvg() {
    }

    static String render(List<Run> runs) {
        long span = Math.max(1, runs.stream().mapToLong(run -> run.span() - origin(run)).max().orElse(1));
        double scale = (WIDTH - LABEL_WIDTH - 10 - WaterfallRows.MIN_WIDTH) / (double) span;
        List<List<WaterfallRows.Placed>> layouts = runs.stream()
                .map(run -> WaterfallRows.layout(run.bars(), origin(run), scale, LABEL_WIDTH)).toList();
        int height = AXIS + layouts.stream().mapToInt(layout -> HEADING + WaterfallRows.rows(layout) * ROW).sum() + 6;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg class=\"waterfall\" xmlns=\"http://www.w3.org/2000/svg\" "
                + "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">%n", WIDTH, height, WIDTH, height));
        legend(svg);
        axis(svg, span, scale, height);
        int y = AXIS;
        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            List<WaterfallRows.Placed> layout = layouts.get(i);
            int rows = WaterfallRows.rows(layout);
            svg.append(String.format(Locale.ROOT, "<text class=\"run\" x=\"4\" y=\"%d\">%s — %s s, %d requests%s%s</text>%n",
                    y + 14, Html.escape(run.label()), seconds(run.elapsed()), run.bars().size(), protocols(run),
                    rows < run.bars().size() ? " (short ones follow the one before on its row)" : ""));
            y += HEADING;
            for (WaterfallRows.Placed placed : layout) {
                bar(svg, placed, origin(run), scale, y + placed.row() * ROW);
            }
            y += rows * ROW;
        }
        return svg.append("</svg>\n").toString();
    }

    /** The protocols the run's responses came on, e.g. {@code " over HTTP/2"}; empty when none is known. */
    static String protocols(Run run) {
        String names = run.bars().stream().map(Bar::protocol).filter(p -> !p.isEmpty()).distinct().sorted()
                .collect(java.util.stream.Collectors.joining(" and "));
        return names.isEmpty() ? "" : " over " + names;
    }

    /** When the run's first request was made: its axis's 0. */
    private static long origin(Run run) {
        return run.bars().stream().mapToLong(Bar::queued).min().orElse(0);
    }

    private static void legend(StringBuilder svg) {
        List<String[]> items = new java.util.ArrayList<>();
        items.add(new String[] {"legend queued", "queued in the client"});
        items.add(new String[] {"legend running", "running"});
        for (Bar.Part part : Bar.Part.values()) {
            items.add(new String[] {"legend part " + cssName(part), part.words()});
        }
        items.add(new String[] {"legend failed", "failed"});
        double x = WIDTH - 8 - items.stream().mapToDouble(item -> legendWidth(item[1])).sum();
        for (String[] item : items) {
            svg.append(String.format(Locale.ROOT, "<rect class=\"%s\" x=\"%.1f\" y=\"4\" width=\"14\" height=\"%d\"/>"
                    + "<text class=\"legend\" x=\"%.1f\" y=\"11\">%s</text>%n", item[0], x, BAR_HEIGHT, x + 18, item[1]));
            x += legendWidth(item[1]);
        }
    }

    /** A legend item's width: the swatch, the text at about 6 px a letter (11 px sans-serif), a gap. */
    private static double legendWidth(String text) {
        return 18 + 6 * text.length() + 14;
    }

    private static void axis(StringBuilder svg, long span, double scale, int height) {
        double step = tickStep(span / 1e9);
        for (double t = 0; t * 1e9 <= span; t += step) {
            double x = LABEL_WIDTH + t * 1e9 * scale;
            svg.append(String.format(Locale.ROOT, "<line class=\"tick\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>"
                    + "<text class=\"tick\" x=\"%.1f\" y=\"%d\">%s s</text>%n",
                    x, LEGEND + 16, x, height, x + 2, LEGEND + 12, trim(t)));
        }
    }

    private static void bar(StringBuilder svg, WaterfallRows.Placed placed, long origin, double scale, int y) {
        Bar bar = placed.bar();
        StringBuilder parts = new StringBuilder();
        for (Bar.Segment segment : bar.segments()) {
            parts.append(String.format(Locale.ROOT, "; %s %s ms", segment.part().words(), millis(segment.to() - segment.from())));
        }
        String title = String.format(Locale.ROOT, "%s%s: queued %s s, ran %s–%s s%s%s", bar.label(),
                bar.protocol().isEmpty() ? "" : " over " + bar.protocol(),
                seconds(bar.started() - bar.queued()), seconds(bar.started() - origin), seconds(bar.ended() - origin),
                parts, bar.failed() ? ", FAILED" : "");
        if (placed.x() - placed.queuedX() >= 0.5) {
            svg.append(String.format(Locale.ROOT, "<rect class=\"queued\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\"/>",
                    placed.queuedX(), y, placed.x() - placed.queuedX(), BAR_HEIGHT));
        }
        svg.append(String.format(Locale.ROOT, "<rect class=\"bar%s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\">"
                + "<title>%s</title></rect>%n", bar.failed() ? " failed" : "", placed.x(), y, placed.width(), BAR_HEIGHT,
                Html.escape(title)));
        if (!bar.failed()) {
            segments(svg, placed, scale, y);
        }
    }

    /** Shades the bar's parts, each where its times fall within the bar as drawn (a bar too short to split stays whole). */
    private static void segments(StringBuilder svg, WaterfallRows.Placed placed, double scale, int y) {
        Bar bar = placed.bar();
        double right = placed.x() + placed.width();
        for (Bar.Segment segment : bar.segments()) {
            double from = Math.max(placed.x(), placed.x() + (segment.from() - bar.started()) * scale);
            double to = Math.min(right, placed.x() + (segment.to() - bar.started()) * scale);
            if (to - from >= 0.3) {
                svg.append(String.format(Locale.ROOT, "<rect class=\"part %s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\"/>%n",
                        cssName(segment.part()), from, y, to - from, BAR_HEIGHT));
            }
        }
    }

    private static String cssName(Bar.Part part) {
        return part.name().toLowerCase(Locale.ROOT);
    }

    /** A round step giving 4–10 ticks. */
    private static double tickStep(double seconds) {
        double raw = seconds / 8;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * magnitude >= raw) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    private static String trim(double t) {
        return String.format(Locale.ROOT, "%.3f", t).replaceAll("\\.?0+$", "");
    }
}
