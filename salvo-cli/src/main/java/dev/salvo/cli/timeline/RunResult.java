package dev.salvo.cli.timeline;

import dev.salvo.cli.common.Elapsed;

/**
 * What one measured run of requests produced: its timeline, its printed total time, and how many
 * of its requests failed.
 */
public record RunResult(Run run, Elapsed total, int failures) {
}
