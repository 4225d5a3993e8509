package dev.salvo.client;

import dev.salvo.client.spi.Arguments;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * When a failed call is tried again, and after how long. Immutable.
 *
 * <p>A call is retried when attempts remain, its method is idempotent (unless
 * {@link Builder#retryNonIdempotent}), and it failed to connect, lost its connection, or got a
 * status in {@link Builder#retryOnStatus} (429 and 503 by default). The wait is exponential
 * backoff with full jitter; a {@code Retry-After} header on 429/503 (seconds or an HTTP date) is
 * honoured up to {@link Builder#maxRetryAfter}. Retries never outlive the call's deadline.
 */
public final class RetryPolicy {
    private static final RetryPolicy NONE = new Builder().maxAttempts(1).build();

    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final boolean retryNonIdempotent;
    private final Set<Integer> retryOnStatus;
    private final Duration maxRetryAfter;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.baseDelay = b.baseDelay;
        this.maxDelay = b.maxDelay;
        this.retryNonIdempotent = b.retryNonIdempotent;
        this.retryOnStatus = Set.copyOf(b.retryOnStatus);
        this.maxRetryAfter = b.maxRetryAfter;
    }

    /** Never retries: the client's default. */
    public static RetryPolicy none() {
        return NONE;
    }

    /** 3 attempts, 100 ms base backoff up to 2 s, idempotent methods, 429/503, Retry-After up to 10 s. */
    public static RetryPolicy defaults() {
        return new Builder().build();
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration baseDelay() {
        return baseDelay;
    }

    public Duration maxDelay() {
        return maxDelay;
    }

    public boolean retryNonIdempotent() {
        return retryNonIdempotent;
    }

    public Set<Integer> retryOnStatus() {
        return retryOnStatus;
    }

    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", backoff " + baseDelay + ".." + maxDelay
                + ", statuses " + retryOnStatus + (retryNonIdempotent ? ", any method" : ", idempotent only") + ']';
    }

    /** Builds a {@link RetryPolicy}; not thread-safe. */
    public static final class Builder {
        private int maxAttempts = 3;
        private Duration baseDelay = Duration.ofMillis(100);
        private Duration maxDelay = Duration.ofSeconds(2);
        private boolean retryNonIdempotent;
        private Set<Integer> retryOnStatus = Set.of(429, 503);
        private Duration maxRetryAfter = Duration.ofSeconds(10);

        private Builder() {
        }

        /** Attempts in all, the first included; 1 means no retry. */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = Arguments.requirePositive(maxAttempts, "maxAttempts");
            return this;
        }

        /** The first backoff and the cap; each retry doubles the window, jitter picks inside it. */
        public Builder backoff(Duration base, Duration max) {
            this.baseDelay = Arguments.requireNonNegative(base, "base backoff");
            this.maxDelay = Arguments.requireNonNegative(max, "max backoff");
            if (max.compareTo(base) < 0) {
                throw new IllegalArgumentException("max backoff " + max + " is below base backoff " + base);
            }
            return this;
        }

        /** Also retry POST, PATCH and other non-idempotent methods. */
        public Builder retryNonIdempotent(boolean retry) {
            this.retryNonIdempotent = retry;
            return this;
        }

        /** The statuses that are retried; each 100..599. */
        public Builder retryOnStatus(Set<Integer> statuses) {
            Objects.requireNonNull(statuses, "statuses");
            for (Integer status : statuses) {
                if (status == null || status < 100 || status > 599) {
                    throw new IllegalArgumentException("retry status must be 100..599, got " + status);
                }
            }
            this.retryOnStatus = statuses;
            return this;
        }

        /** The longest Retry-After wait honoured; a longer one ends the retries. */
        public Builder maxRetryAfter(Duration max) {
            this.maxRetryAfter = Arguments.requireNonNegative(max, "maxRetryAfter");
            return this;
        }

        public RetryPolicy build() {
            return new RetryPolicy(this);
        }
    }
}
