package dev.salvo.cli.scenario;

import java.util.Objects;

/** A {@link Scenario} that names itself once, in its constructor. */
public abstract class SeedScenario implements Scenario {
    private final String id;
    private final String title;
    private final String lesson;

    protected SeedScenario(String id, String title, String lesson) {
        this.id = Objects.requireNonNull(id, "id");
        this.title = Objects.requireNonNull(title, "title");
        this.lesson = Objects.requireNonNull(lesson, "lesson");
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public final String lesson() {
        return lesson;
    }
}
