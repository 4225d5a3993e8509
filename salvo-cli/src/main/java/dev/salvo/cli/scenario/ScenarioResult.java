package dev.salvo.cli.scenario;

import dev.salvo.cli.common.Elapsed;
import dev.salvo.cli.timeline.Run;
import java.util.List;
import java.util.Objects;

/**
 * What a scenario measured.
 *
 * @param id         {@code S1} … {@code S6}
 * @param title      the scenario's title
 * @param lesson     what it teaches
 * @param sequential the slow way's time
 * @param concurrent the concurrent way's time
 * @param seedFigure what the seed reported for the same comparison
 * @param runs       the timelines of every run, sequential first
 * @param failures   calls that failed where none should have
 */
public record ScenarioResult(String id, String title, String lesson, Elapsed sequential, Elapsed concurrent, String seedFigure,
        List<Run> runs, int failures) {
    public ScenarioResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(lesson, "lesson");
        Objects.requireNonNull(sequential, "sequential");
        Objects.requireNonNull(concurrent, "concurrent");
        Objects.requireNonNull(seedFigure, "seedFigure");
        runs = List.copyOf(runs);
    }

    /** A result of {@code scenario}, named as it names itself. */
    public static ScenarioResult of(Scenario scenario, Elapsed sequential, Elapsed concurrent, String seedFigure,
            List<Run> runs, int failures) {
        return new ScenarioResult(scenario.id(), scenario.title(), scenario.lesson(), sequential, concurrent,
                seedFigure, runs, failures);
    }

    /** Sequential time over concurrent time. */
    public double speedup() {
        return concurrent.nanos() == 0 ? 0 : (double) sequential.nanos() / concurrent.nanos();
    }
}
