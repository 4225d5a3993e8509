package dev.salvo.bench.internal;

import java.util.List;
import java.util.Locale;

/**
 * Draws small self-contained SVG charts (line charts and bar charts) as text, with axes, ticks
 * and a legend; no scripts, no external files. Stateless.
 */
public final class SvgChart {
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 320;
    private static final int LEFT = 64;
    private static final int RIGHT = 36;
    private static final int TOP = 36;
    private static final int BOTTOM = 48;
    private static final int Y_TICKS = 5;

    private SvgChart() {
    }

    /** A polyline with a legend name and a CSS colour; {@code xs} and {@code ys} have the same length. */
    public record Line(String name, String color, double[] xs, double[] ys) {
    }

    /** A labelled tick on the x axis. */
    public record Tick(double x, String label) {
    }

    /** A bar: its label under the x axis and its height. */
    public record Bar(String label, double value) {
    }

    /** A line chart over [xMin, xMax] × [0, the largest y]. */
    public static String lines(String title, String xTitle, String yTitle, List<Line> lines, double xMin, double xMax,
            List<Tick> xTicks) {
        double yMax = niceCeiling(lines.stream().flatMapToDouble(l -> java.util.Arrays.stream(l.ys())).max().orElse(1));
        StringBuilder svg = open(title, xTitle, yTitle, yMax);
        double xSpan = xMax > xMin ? xMax - xMin : 1;
        for (Tick tick : xTicks) {
            double x = LEFT + (tick.x() - xMin) / xSpan * plotWidth();
            svg.append(f("<line x1='%.1f' y1='%d' x2='%.1f' y2='%d' stroke='#ccc'/>", x, TOP, x, HEIGHT - BOTTOM));
            svg.append(f("<text x='%.1f' y='%d' text-anchor='middle' font-size='11'>%s</text>", x, HEIGHT - BOTTOM + 16,
                    escape(tick.label())));
        }
        int legendX = LEFT + 8;
        for (Line line : lines) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < line.xs().length; i++) {
                double x = LEFT + (line.xs()[i] - xMin) / xSpan * plotWidth();
                double y = HEIGHT - BOTTOM - line.ys()[i] / yMax * plotHeight();
                points.append(f("%.1f,%.1f ", x, y));
            }
            svg.append(f("<polyline fill='none' stroke='%s' stroke-width='2' points='%s'/>", line.color(),
                    points.toString().strip()));
            svg.append(f("<rect x='%d' y='%d' width='12' height='4' fill='%s'/>", legendX, TOP + 6, line.color()));
            svg.append(f("<text x='%d' y='%d' font-size='12'>%s</text>", legendX + 16, TOP + 12, escape(line.name())));
            legendX += 24 + 7 * line.name().length();
        }
        return close(svg);
    }

    /** A bar chart, one bar per entry, left to right. */
    public static String bars(String title, String xTitle, String yTitle, List<Bar> bars, String color) {
        double yMax = niceCeiling(bars.stream().mapToDouble(Bar::value).max().orElse(1));
        StringBuilder svg = open(title, xTitle, yTitle, yMax);
        double slot = plotWidth() / Math.max(1.0, bars.size());
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double height = bar.value() / yMax * plotHeight();
            double x = LEFT + i * slot;
            svg.append(f("<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='%s'><title>%s: %s</title></rect>",
                    x + slot * 0.1, HEIGHT - BOTTOM - height, slot * 0.8, height, color, escape(bar.label()),
                    number(bar.value())));
            svg.append(f("<text x='%.1f' y='%d' text-anchor='middle' font-size='10'>%s</text>", x + slot / 2,
                    HEIGHT - BOTTOM + 14 + (i % 2) * 11, escape(bar.label())));
        }
        return close(svg);
    }

    private static StringBuilder open(String title, String xTitle, String yTitle, double yMax) {
        StringBuilder svg = new StringBuilder(4096);
        svg.append(f("<svg xmlns='http://www.w3.org/2000/svg' width='100%%' viewBox='0 0 %d %d' "
                + "preserveAspectRatio='xMidYMid meet' font-family='sans-serif' role='img'>", WIDTH, HEIGHT));
        svg.append(f("<title>%s</title>", escape(title)));
        svg.append(f("<text x='%d' y='20' font-size='14' font-weight='bold'>%s</text>", LEFT, escape(title)));
        for (int i = 0; i <= Y_TICKS; i++) {
            double value = yMax * i / Y_TICKS;
            double y = HEIGHT - BOTTOM - (double) i / Y_TICKS * plotHeight();
            svg.append(f("<line x1='%d' y1='%.1f' x2='%d' y2='%.1f' stroke='#eee'/>", LEFT, y, WIDTH - RIGHT, y));
            svg.append(f("<text x='%d' y='%.1f' text-anchor='end' font-size='11'>%s</text>", LEFT - 6, y + 4, number(value)));
        }
        svg.append(f("<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='#333'/>", LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT,
                HEIGHT - BOTTOM));
        svg.append(f("<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='#333'/>", LEFT, TOP, LEFT, HEIGHT - BOTTOM));
        svg.append(f("<text x='%d' y='%d' text-anchor='middle' font-size='12'>%s</text>", LEFT + plotWidth() / 2,
                HEIGHT - 6, escape(xTitle)));
        svg.append(f("<text x='14' y='%d' text-anchor='middle' font-size='12' transform='rotate(-90 14 %d)'>%s</text>",
                TOP + plotHeight() / 2, TOP + plotHeight() / 2, escape(yTitle)));
        return svg;
    }

    private static String close(StringBuilder svg) {
        return svg.append("</svg>").toString();
    }

    private static int plotWidth() {
        return WIDTH - LEFT - RIGHT;
    }

    private static int plotHeight() {
        return HEIGHT - TOP - BOTTOM;
    }

    /** The smallest 1, 2 or 5 × 10^k at or above {@code value} (at least 1e-3). */
    static double niceCeiling(double value) {
        if (!(value > 0.001)) {
            return 0.001;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String number(double value) {
        if (value >= 100 || value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, value >= 1 ? "%.1f" : "%.3f", value);
    }

    /** Escapes text for XML content and attributes. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;")
                .replace("\"", "&quot;");
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
