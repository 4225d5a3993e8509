package dev.salvo.client;

/**
 * Called once per call of a gather, in completion order, with the call's index in the input list.
 * Runs on Salvo's callback executor; what it throws is logged and does not change the results.
 */
@FunctionalInterface
public interface OnEach<T> {
    void accept(int index, Outcome<T> outcome);
}
