package dev.salvo.bench;

import java.time.Duration;

/**
 * A glimpse of a running bench, for a progress line.
 *
 * @param elapsed           time since the run started (warmup included)
 * @param warmingUp         true while the warmup lasts
 * @param done              measured requests completed so far
 * @param requestsPerSecond completions per second over the last whole second, warmup included
 */
public record Progress(Duration elapsed, boolean warmingUp, long done, double requestsPerSecond) {
}
