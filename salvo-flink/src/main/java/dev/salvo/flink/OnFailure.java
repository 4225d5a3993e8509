package dev.salvo.flink;

import java.io.Serializable;

/**
 * What a failed call (or a record that made no request) becomes: an output record, or, by
 * throwing, a failed job. {@link #failJob()} is the choice of a job that must not go on with
 * errors. Runs on Salvo's callback executor or the task thread; must not return null.
 */
@FunctionalInterface
public interface OnFailure<IN, OUT> extends Serializable {
    OUT onFailure(IN input, CallFailure failure) throws Exception;

    /** Fails the job (Flink then restarts it from the last checkpoint, per its restart strategy). */
    static <IN, OUT> OnFailure<IN, OUT> failJob() {
        return (input, failure) -> {
            throw new SalvoCallException(failure);
        };
    }
}
