package dev.salvo.client.internal;

import dev.salvo.client.EventListener;
import dev.salvo.client.RedirectPolicy;
import dev.salvo.client.RetryPolicy;
import dev.salvo.client.Transport;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * A client's configuration, checked by {@code Salvo.Builder}. A null transport or callback
 * executor means "make and own the default one".
 */
public record EngineSettings(Transport transport, int maxInFlight, int maxPerHost, int maxQueued, Duration deadline,
        Duration connectTimeout, Duration closeTimeout, RetryPolicy retryPolicy, RedirectPolicy redirects,
        Executor callbackExecutor, EventListener eventListener) {

    public static Builder builder() {
        return new Builder();
    }

    /** Collects settings; defaults as documented on {@code Salvo.Builder}. Not thread-safe. */
    public static final class Builder {
        private Transport transport;
        private int maxInFlight = 64;
        private int maxPerHost = 64;
        private int maxQueued = Integer.MAX_VALUE;
        private Duration deadline = Duration.ofSeconds(30);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration closeTimeout = Duration.ofSeconds(5);
        private RetryPolicy retryPolicy = RetryPolicy.none();
        private RedirectPolicy redirects = RedirectPolicy.NORMAL;
        private Executor callbackExecutor;
        private EventListener eventListener = EventListener.NONE;

        private Builder() {
        }

        public Builder transport(Transport value) {
            transport = value;
            return this;
        }

        public Builder maxInFlight(int value) {
            maxInFlight = value;
            return this;
        }

        public Builder maxPerHost(int value) {
            maxPerHost = value;
            return this;
        }

        public Builder maxQueued(int value) {
            maxQueued = value;
            return this;
        }

        public Builder deadline(Duration value) {
            deadline = value;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            connectTimeout = value;
            return this;
        }

        public Builder closeTimeout(Duration value) {
            closeTimeout = value;
            return this;
        }

        public Builder retryPolicy(RetryPolicy value) {
            retryPolicy = value;
            return this;
        }

        public Builder redirects(RedirectPolicy value) {
            redirects = value;
            return this;
        }

        public Builder callbackExecutor(Executor value) {
            callbackExecutor = value;
            return this;
        }

        public Builder eventListener(EventListener value) {
            eventListener = value;
            return this;
        }

        public EngineSettings build() {
            return new EngineSettings(transport, maxInFlight, maxPerHost, maxQueued, deadline, connectTimeout,
                    closeTimeout, retryPolicy, redirects, callbackExecutor, eventListener);
        }
    }
}
