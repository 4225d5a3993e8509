package dev.salvo.client.internal;

import dev.salvo.client.ConnectFailedException;
import dev.salvo.client.ConnectionClosedException;
import dev.salvo.client.Response;
import dev.salvo.client.RetryPolicy;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Applies a {@link RetryPolicy} to one outcome: returns how long to wait before the next attempt,
 * or null for "do not retry". Stateless and thread-safe.
 */
final class RetryDecider {
    private final RetryPolicy policy;
    /** By status (100..599, as the policy allows): whether the policy retries it; looked up on every response. */
    private final boolean[] retriedStatus = new boolean[600];

    RetryDecider(RetryPolicy policy) {
        this.policy = policy;
        for (int status : policy.retryOnStatus()) {
            retriedStatus[status] = true;
        }
    }

    /** Whether the policy retries a response with {@code status} (any int). */
    boolean retriesStatus(int status) {
        return status >= 0 && status < retriedStatus.length && retriedStatus[status];
    }

    /** After an I/O failure: only failures where the request may not have been processed are retried. */
    Duration afterFailure(Call call, Throwable failure) {
        boolean retryable = failure instanceof ConnectFailedException || failure instanceof ConnectionClosedException;
        return retryable && mayRetry(call) ? withinDeadline(call, backoff(call.attempt)) : null;
    }

    /** After a response whose status the policy retries, honouring Retry-After on 429 and 503. */
    Duration afterResponse(Call call, Response response) {
        if (!mayRetry(call) || !retriesStatus(response.status())) {
            return null;
        }
        Duration wait = backoff(call.attempt);
        if (response.status() == 429 || response.status() == 503) {
            Optional<Duration> retryAfter = response.headers().first("Retry-After").flatMap(RetryDecider::parseRetryAfter);
            if (retryAfter.isPresent()) {
                if (retryAfter.get().compareTo(policy.maxRetryAfter()) > 0) {
                    return null;
                }
                wait = retryAfter.get();
            }
        }
        return withinDeadline(call, wait);
    }

    private boolean mayRetry(Call call) {
        return call.attempt < policy.maxAttempts()
                && (call.original.isIdempotent() || policy.retryNonIdempotent());
    }

    /** Full jitter: uniform in [0, min(max, base * 2^(attempt-1))]. */
    Duration backoff(int attempt) {
        long base = policy.baseDelay().toNanos();
        long cap = policy.maxDelay().toNanos();
        long window = attempt >= 62 ? cap : Math.min(cap, base << Math.min(attempt - 1, 40));
        if (window <= 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(ThreadLocalRandom.current().nextLong(window + 1));
    }

    private static Duration withinDeadline(Call call, Duration wait) {
        return wait.toNanos() < call.remainingNanos() ? wait : null;
    }

    /** Retry-After as delta-seconds or an HTTP date; empty when unreadable. */
    static Optional<Duration> parseRetryAfter(String value) {
        String v = value.strip();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration until = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
