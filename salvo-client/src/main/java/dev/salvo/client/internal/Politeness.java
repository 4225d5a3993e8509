package dev.salvo.client.internal;

import dev.salvo.client.CircuitBreakerPolicy;
import dev.salvo.client.Origin;
import java.time.Duration;
import java.util.Map;

/**
 * How a client treats each origin beyond its fixed limit, checked by {@code Salvo.Builder}: rate
 * limits (per origin, and a default for every other one; {@code defaultRate} null for none), the
 * longest pause a Retry-After may put on an origin's queue ({@link Duration#ZERO}: none), adaptive
 * concurrency, and a circuit breaker ({@code breaker} null for none). Immutable.
 */
public record Politeness(Map<Origin, Rate> rates, Rate defaultRate, Duration maxPause, boolean adaptive,
        CircuitBreakerPolicy breaker) {

    /** A token bucket's refill rate and size. */
    public record Rate(double perSecond, int burst) {
    }

    public Politeness {
        rates = Map.copyOf(rates);
    }

    /** The state an origin starts with under these settings. */
    Host newHost(Origin origin, int maxPerHost, long now) {
        Rate rate = rates.getOrDefault(origin, defaultRate);
        return new Host(origin, maxPerHost,
                rate == null ? null : new RateBucket(rate.perSecond(), rate.burst(), now),
                adaptive ? new AdaptiveLimit(maxPerHost) : null,
                breaker == null ? null : new Breaker(breaker));
    }
}
