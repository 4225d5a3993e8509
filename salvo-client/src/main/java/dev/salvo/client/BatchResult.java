package dev.salvo.client;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one batch produced: the responses of the steps that completed, in step order, and the
 * failure that ended the batch early, if any.
 *
 * @param responses the responses of the completed steps
 * @param failure   the failure of the first failed step, unwrapped
 */
public record BatchResult(List<Response> responses, Optional<Throwable> failure) {
    public BatchResult {
        responses = List.copyOf(responses);
        Objects.requireNonNull(failure, "failure");
    }

    /** True when every step completed. */
    public boolean isComplete() {
        return failure.isEmpty();
    }

    /** The statuses of the completed steps, in order. */
    public List<Integer> statuses() {
        return responses.stream().map(Response::status).toList();
    }
}
