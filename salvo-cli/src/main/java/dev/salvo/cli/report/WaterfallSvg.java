package dev.salvo.cli.report;

import dev.salvo.cli.timeline.Bar;
import dev.salvo.cli.timeline.Run;
import java.util.List;
import java.util.Locale;

/**
 * Draws runs as one SVG waterfall on one time axis: a heading row per run, then one
 * {@code rect.bar} per request from its start to its end, its queued time before that shaded
 * ({@code rect.queued}), failures in red. Each run's times count from its own start, so a
 * sequential and a concurrent run of the same requests compare at a glance.
 */
final class WaterfallSvg {
    private static final int WIDTH = 960;
    private static final int LABEL_WIDTH = 12;
    private static final int ROW = 9;
    private static final int BAR_HEIGHT = 7;
    private static final int HEADING = 20;
    private static final int AXIS = 24;

    private WaterfallSvg() {
    }

    static String render(List<Run> runs) {
        long span = Math.max(1, runs.stream().mapToLong(Run::span).max().orElse(1));
        double scale = (WIDTH - LABEL_WIDTH - 10) / (double) span;
        int height = AXIS + runs.stream().mapToInt(run -> HEADING + run.bars().size() * ROW).sum() + 6;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg class=\"waterfall\" xmlns=\"http://www.w3.org/2000/svg\" "
                + "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">%n", WIDTH, height, WIDTH, height));
        axis(svg, span, scale, height);
        int y = AXIS;
        for (Run run : runs) {
            svg.append(String.format(Locale.ROOT, "<text class=\"run\" x=\"4\" y=\"%d\">%s — %s s, %d requests</text>%n",
                    y + 14, Html.escape(run.label()), seconds(run.elapsed()), run.bars().size()));
            y += HEADING;
            for (Bar bar : run.bars()) {
                bar(svg, bar, scale, y);
                y += ROW;
            }
        }
        return svg.append("</svg>\n").toString();
    }

    private static void axis(StringBuilder svg, long span, double scale, int height) {
        double step = tickStep(span / 1e9);
        for (double t = 0; t * 1e9 <= span; t += step) {
            double x = LABEL_WIDTH + t * 1e9 * scale;
            svg.append(String.format(Locale.ROOT, "<line class=\"tick\" x1=\"%.1f\" y1=\"16\" x2=\"%.1f\" y2=\"%d\"/>"
                    + "<text class=\"tick\" x=\"%.1f\" y=\"12\">%s s</text>%n", x, x, height, x + 2, trim(t)));
        }
    }

    private static void bar(StringBuilder svg, Bar bar, double scale, int y) {
        double queuedX = LABEL_WIDTH + bar.queued() * scale;
        double startX = LABEL_WIDTH + bar.started() * scale;
        double width = Math.max(1, (bar.ended() - bar.started()) * scale);
        String title = String.format(Locale.ROOT, "%s: queued %s s, ran %s–%s s%s", bar.label(),
                seconds(bar.started() - bar.queued()), seconds(bar.started()), seconds(bar.ended()),
                bar.failed() ? ", FAILED" : "");
        if (startX - queuedX >= 0.5) {
            svg.append(String.format(Locale.ROOT, "<rect class=\"queued\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\"/>",
                    queuedX, y, startX - queuedX, BAR_HEIGHT));
        }
        svg.append(String.format(Locale.ROOT, "<rect class=\"bar%s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\">"
                + "<title>%s</title></rect>%n", bar.failed() ? " failed" : "", startX, y, width, BAR_HEIGHT, Html.escape(title)));
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

    private static String trim(double t) {
        return String.format(Locale.ROOT, "%.3f", t).replaceAll("\\.?0+$", "");
    }
}
