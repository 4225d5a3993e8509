package dev.salvo.cli.report;

import dev.salvo.cli.scenario.ScenarioResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The demo's summary: scenario, sequential time, concurrent time, speedup and the seed's own
 * figure, as aligned text lines and as table cells for the report.
 */
public final class SummaryTable {
    static final List<String> HEADINGS = List.of("scenario", "sequential", "concurrent", "speedup", "seed's figure");

    private SummaryTable() {
    }

    /** The table as text lines: a heading line, then one line per scenario. */
    public static List<String> lines(List<ScenarioResult> results) {
        List<String> lines = new ArrayList<>();
        String format = "%-62s %10s %10s %8s  %s";
        lines.add(String.format(Locale.ROOT, format, HEADINGS.toArray()));
        for (ScenarioResult result : results) {
            lines.add(String.format(Locale.ROOT, format, cells(result).toArray()));
        }
        return lines;
    }

    /** {@code 1} or {@code 0.25}: the scale as the user would type it. */
    public static String scale(double scale) {
        return String.format(Locale.ROOT, "%.3f", scale).replaceAll("\\.?0+$", "");
    }

    static List<String> cells(ScenarioResult result) {
        return List.of(result.id() + " " + result.title(),
                result.sequential().twoDecimals() + " s",
                result.concurrent().twoDecimals() + " s",
                String.format(Locale.ROOT, "%.1fx", result.speedup()),
                result.seedFigure());
    }
}
