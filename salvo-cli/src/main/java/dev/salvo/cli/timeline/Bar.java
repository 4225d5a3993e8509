package dev.salvo.cli.timeline;

import java.util.Objects;

/**
 * One request of a run, its times in nanoseconds since the run began.
 *
 * @param label   what was requested, e.g. {@code GET http://127.0.0.1:8000/delay/1}
 * @param queued  when the call was made
 * @param started when it got its slot and went to the transport (queued time is {@code started - queued})
 * @param ended   when it completed or failed
 * @param failed  true when it ended in a failure
 */
public record Bar(String label, long queued, long started, long ended, boolean failed) {
    public Bar {
        Objects.requireNonNull(label, "label");
        if (queued < 0 || started < queued || ended < started) {
            throw new IllegalArgumentException("times must be 0 <= queued <= started <= ended, got "
                    + queued + ", " + started + ", " + ended);
        }
    }
}
