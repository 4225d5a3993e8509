package dev.salvo.flink;

import dev.salvo.client.RetryPolicy;
import java.io.Serializable;
import java.time.Duration;
import java.util.Set;

/** A {@link RetryPolicy} in a form Flink can ship to the task managers (the policy is not serializable). */
record RetrySpec(int maxAttempts, Duration baseDelay, Duration maxDelay, boolean retryNonIdempotent,
        Set<Integer> retryOnStatus, Duration maxRetryAfter) implements Serializable {

    static RetrySpec of(RetryPolicy policy) {
        return new RetrySpec(policy.maxAttempts(), policy.baseDelay(), policy.maxDelay(), policy.retryNonIdempotent(),
                Set.copyOf(policy.retryOnStatus()), policy.maxRetryAfter());
    }

    RetryPolicy toPolicy() {
        return RetryPolicy.newBuilder().maxAttempts(maxAttempts).backoff(baseDelay, maxDelay)
                .retryNonIdempotent(retryNonIdempotent).retryOnStatus(retryOnStatus).maxRetryAfter(maxRetryAfter)
                .build();
    }
}
