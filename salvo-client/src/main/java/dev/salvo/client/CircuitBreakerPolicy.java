package dev.salvo.client;

import dev.salvo.client.spi.Arguments;
import java.time.Duration;

/**
 * When an origin's circuit breaker opens, and for how long. Immutable. Each origin keeps the outcomes
 * of its last {@link Builder#window} calls; a call fails when it ends in an I/O failure (a deadline
 * included) or a 5xx status, while cancels and client-side refusals do not count. Once at least
 * {@link Builder#minimumCalls} outcomes are in and the share of failures reaches
 * {@link Builder#failureRate}, the breaker opens: the origin's queued and new calls fail at once with
 * {@link CircuitOpenException}. After {@link Builder#openFor} it is half-open: one probe call at a time
 * goes through; a probe that succeeds closes the breaker (the window starts empty), one that fails opens
 * it again for another {@code openFor}.
 */
public final class CircuitBreakerPolicy {
    private final double failureRate;
    private final int window;
    private final int minimumCalls;
    private final Duration openFor;

    private CircuitBreakerPolicy(Builder b) {
        this.failureRate = b.failureRate;
        this.window = b.window;
        this.minimumCalls = Math.min(b.minimumCalls, b.window);
        this.openFor = b.openFor;
    }

    /** Opens at 50% failures among the last 20 calls (at least 10 seen), for 10 s. */
    public static CircuitBreakerPolicy defaults() {
        return newBuilder().build();
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    public double failureRate() {
        return failureRate;
    }

    public int window() {
        return window;
    }

    public int minimumCalls() {
        return minimumCalls;
    }

    public Duration openFor() {
        return openFor;
    }

    @Override
    public String toString() {
        return "CircuitBreakerPolicy[" + Math.round(failureRate * 100) + "% of the last " + window + " calls (at least "
                + minimumCalls + "), open for " + openFor + ']';
    }

    /** Builds a {@link CircuitBreakerPolicy}; not thread-safe. */
    public static final class Builder {
        private double failureRate = 0.5;
        private int window = 20;
        private int minimumCalls = 10;
        private Duration openFor = Duration.ofSeconds(10);

        private Builder() {
        }

        /** The share of failed calls, in (0, 1], that opens the breaker; default 0.5. */
        public Builder failureRate(double rate) {
            if (!(rate > 0 && rate <= 1)) {
                throw new IllegalArgumentException("failureRate must be in (0, 1], got " + rate);
            }
            this.failureRate = rate;
            return this;
        }

        /** How many of an origin's most recent outcomes count; default 20. */
        public Builder window(int calls) {
            this.window = Arguments.requirePositive(calls, "window");
            return this;
        }

        /** Outcomes needed before the breaker may open (at most {@code window}); default 10. */
        public Builder minimumCalls(int calls) {
            this.minimumCalls = Arguments.requirePositive(calls, "minimumCalls");
            return this;
        }

        /** How long the breaker stays open before it lets a probe through; default 10 s. */
        public Builder openFor(Duration duration) {
            this.openFor = Arguments.requirePositive(duration, "openFor");
            return this;
        }

        public CircuitBreakerPolicy build() {
            return new CircuitBreakerPolicy(this);
        }
    }
}
