package dev.salvo.cli.report;

import dev.salvo.cli.timeline.Bar;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays one run's bars out in rows, in pixels. Every bar is at least {@link #MIN_WIDTH} wide, so a
 * 2 ms call is seen next to a 2 s one. A bar that would be that short joins the row of the bar that
 * ended just before it began (a search job's quick "results" and "cancel" calls follow its long
 * "create" on one row) instead of taking a row of its own; a long bar always starts a new row.
 */
final class WaterfallRows {
    /** The narrowest a bar is drawn, in pixels. */
    static final double MIN_WIDTH = 3;
    /** How far a short bar may be pushed right to join a row, in pixels. */
    private static final double MAX_SHIFT = 2 * MIN_WIDTH;
    private static final double GAP = 1;

    /**
     * One bar, placed.
     *
     * @param bar     the request
     * @param queuedX where its queued time starts
     * @param x       where it starts running
     * @param width   its drawn width, at least {@link #MIN_WIDTH}
     * @param row     its row, from 0
     */
    record Placed(Bar bar, double queuedX, double x, double width, int row) {
    }

    private WaterfallRows() {
    }

    /**
     * Places {@code bars} (in the order made), their times shifted by {@code -origin} so the run
     * starts at 0, at {@code scale} pixels per nanosecond from {@code left}.
     */
    static List<Placed> layout(List<Bar> bars, long origin, double scale, double left) {
        List<Placed> placed = new ArrayList<>();
        List<Double> rowEnds = new ArrayList<>();
        for (Bar bar : bars) {
            double queuedX = left + (bar.queued() - origin) * scale;
            double x = left + (bar.started() - origin) * scale;
            double width = Math.max(MIN_WIDTH, (bar.ended() - bar.started()) * scale);
            int row = -1;
            if ((bar.ended() - bar.started()) * scale < 2 * MIN_WIDTH && x - queuedX < GAP) {
                row = joinable(rowEnds, queuedX);
            }
            if (row >= 0) {
                x = Math.max(x, rowEnds.get(row) + GAP);
                queuedX = x;
                rowEnds.set(row, x + width);
            } else {
                row = rowEnds.size();
                rowEnds.add(x + width);
            }
            placed.add(new Placed(bar, queuedX, x, width, row));
        }
        return placed;
    }

    /** The row that ended last before {@code x} (give or take {@link #MAX_SHIFT}), or -1. */
    private static int joinable(List<Double> rowEnds, double x) {
        int best = -1;
        for (int i = 0; i < rowEnds.size(); i++) {
            double end = rowEnds.get(i);
            if (end + GAP <= x + MAX_SHIFT && (best < 0 || end > rowEnds.get(best))) {
                best = i;
            }
        }
        return best >= 0 && rowEnds.get(best) + GAP >= x - MAX_SHIFT ? best : -1;
    }

    /** The number of rows {@code placed} takes. */
    static int rows(List<Placed> placed) {
        return placed.stream().mapToInt(Placed::row).max().orElse(-1) + 1;
    }
}
