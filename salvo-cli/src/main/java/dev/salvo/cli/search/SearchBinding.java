package dev.salvo.cli.search;

import dev.salvo.cli.common.OneLineErrors;
import dev.salvo.client.Request;
import dev.salvo.client.Response;
import dev.salvo.client.spi.Transport;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/**
 * The SDK's binding layer: builds each call (form body, {@code Authorization: Splunk <key>}) and
 * hands it to a pluggable handler, here any Salvo {@link Transport}. It waits for the reply, as
 * the seed's SDK does; whether that blocks a platform thread or parks a virtual one is the
 * caller's choice. Unlike the seed's handler it turns every fault into a {@link SearchException}.
 */
final class SearchBinding {
    private final Transport handler;
    private final String base;
    private final Optional<String> sessionKey;

    SearchBinding(Transport handler, String base) {
        this(handler, base, Optional.empty());
    }

    private SearchBinding(Transport handler, String base, Optional<String> sessionKey) {
        this.handler = handler;
        this.base = base;
        this.sessionKey = sessionKey;
    }

    /** This binding, sending {@code key} with every call. */
    SearchBinding withSessionKey(String key) {
        return new SearchBinding(handler, base, Optional.of(key));
    }

    /** This binding, sending through {@code other} instead. */
    SearchBinding withHandler(Transport other) {
        return new SearchBinding(other, base, sessionKey);
    }

    /** POSTs {@code form} to {@code path}; returns any status (the caller decides). */
    Response post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + '=' + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(authorized(Request.newBuilder(base + path)
                .method("POST", body.getBytes(StandardCharsets.UTF_8))
                .header("Content-Type", "application/x-www-form-urlencoded")));
    }

    /** GETs {@code path}. */
    Response get(String path) {
        return send(authorized(Request.newBuilder(base + path)));
    }

    private Request authorized(Request.Builder builder) {
        sessionKey.ifPresent(key -> builder.header("Authorization", "Splunk " + key));
        return builder.build();
    }

    private Response send(Request request) {
        try {
            return handler.execute(request).join();
        } catch (CompletionException e) {
            throw new SearchException(request + ": " + OneLineErrors.describe(e), e.getCause());
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
