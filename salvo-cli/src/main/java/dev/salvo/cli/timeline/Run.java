package dev.salvo.cli.timeline;

import java.util.List;
import java.util.Objects;

/**
 * The requests of one run (the sequential one, the concurrent one, …) in the order they were made.
 *
 * @param label   what the run was, e.g. {@code sync} or {@code async_main_sep_tasks}
 * @param elapsed the run's wall time in nanoseconds
 * @param bars    one per request
 */
public record Run(String label, long elapsed, List<Bar> bars) {
    public Run {
        Objects.requireNonNull(label, "label");
        bars = List.copyOf(bars);
    }

    /** The end of the last bar or the run's elapsed time, whichever is later. */
    public long span() {
        return Math.max(elapsed, bars.stream().mapToLong(Bar::ended).max().orElse(0L));
    }
}
