package dev.salvo.client.internal;

import dev.salvo.client.EventListener;
import dev.salvo.client.RedirectPolicy;
import dev.salvo.client.RetryPolicy;
import dev.salvo.client.spi.Transport;
import java.net.CookieHandler;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * A client's configuration, checked and defaulted by {@code Salvo.Builder}. A null transport or
 * callback executor means "make and own the default one"; {@code ownsTransport} says whether a
 * given transport is closed with the client; {@code politeness} holds the per-origin rates, pauses,
 * adaptive limit and breaker; a null {@code cookieJar} means no cookies are kept.
 */
public record EngineSettings(Transport transport, boolean ownsTransport, int maxInFlight, int maxPerHost, int maxQueued, Duration deadline,
        Duration connectTimeout, Duration closeTimeout, RetryPolicy retryPolicy, RedirectPolicy redirects,
        Executor callbackExecutor, EventListener eventListener, Politeness politeness,
        CookieHandler cookieJar) {
}
