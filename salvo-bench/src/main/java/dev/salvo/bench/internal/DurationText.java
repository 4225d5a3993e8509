package dev.salvo.bench.internal;

import java.time.Duration;

/** Writes a duration the way a user typed it: 500ms, 5s, 1.5s, 2m, 1m30s. */
public final class DurationText {
    private DurationText() {
    }

    public static String of(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + "ms";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis > 60_000) {
            return millis / 60_000 + "m" + of(Duration.ofMillis(millis % 60_000));
        }
        return millis % 1000 == 0 ? millis / 1000 + "s" : String.format(java.util.Locale.ROOT, "%.3gs", millis / 1000.0);
    }
}
