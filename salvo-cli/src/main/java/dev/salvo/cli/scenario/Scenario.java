package dev.salvo.cli.scenario;

/** One seed experiment, replayed against the embedded server; docs/demo.md describes each. */
public interface Scenario {

    /** {@code S1} … {@code S6}. */
    String id();

    /** A short title naming the seed, e.g. {@code sync vs async URL list (seed 001)}. */
    String title();

    /** What the scenario teaches, in one sentence. */
    String lesson();

    /** Runs the sequential and the concurrent variant, printing the seed's formats. */
    ScenarioResult run(ScenarioContext context) throws Exception;
}
