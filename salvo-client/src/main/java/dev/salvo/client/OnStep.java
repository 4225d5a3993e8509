package dev.salvo.client;

/**
 * Called as each batch step completes, with the batch's index, the step's index and its outcome.
 * Runs on Salvo's callback executor; what it throws is logged and does not change the results.
 */
@FunctionalInterface
public interface OnStep {
    void accept(int batchIndex, int stepIndex, Outcome<Response> outcome);
}
