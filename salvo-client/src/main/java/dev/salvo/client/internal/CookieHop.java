package dev.salvo.client.internal;

import dev.salvo.client.Headers;
import dev.salvo.client.Request;
import java.io.IOException;
import java.net.CookieHandler;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client's cookie jar applied to each hop (every attempt and every redirect), as a browser does: the
 * jar's cookies for the hop's URI go out in a {@code Cookie} header (unless the request carries one of
 * its own), and each response's {@code Set-Cookie} goes into the jar before the next hop is made. The
 * jar ({@link CookieHandler}, e.g. {@link java.net.CookieManager}) applies RFC 6265's rules; it must be
 * thread-safe, as the JDK's is.
 */
final class CookieHop {
    private static final Logger log = LoggerFactory.getLogger("dev.salvo.client");

    private final CookieHandler jar;

    CookieHop(CookieHandler jar) {
        this.jar = jar;
    }

    /** The request to send for this hop: with the jar's cookies for its URI. */
    Request outgoing(Request request) {
        if (request.headers().first("Cookie").isPresent()) {
            return request;
        }
        try {
            List<String> cookies = jar.get(request.uri(), Map.of()).getOrDefault("Cookie", List.of());
            if (cookies.isEmpty()) {
                return request;
            }
            return request.toBuilder().setHeader("Cookie", String.join("; ", cookies)).build();
        } catch (IOException | RuntimeException e) {
            log.debug("cookie jar failed for {}: {}", request.uri(), e.toString());
            return request;
        }
    }

    /** Stores the {@code Set-Cookie} headers of a response to {@code request}. */
    void incoming(Request request, Headers headers) {
        List<String> set = headers.all("Set-Cookie");
        if (set.isEmpty()) {
            return;
        }
        Map<String, List<String>> map = new HashMap<>();
        map.put("Set-Cookie", set);
        try {
            jar.put(request.uri(), map);
        } catch (IOException | RuntimeException e) {
            log.debug("cookie jar refused cookies from {}: {}", request.uri(), e.toString());
        }
    }
}
