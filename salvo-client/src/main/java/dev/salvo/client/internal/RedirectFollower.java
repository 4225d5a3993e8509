package dev.salvo.client.internal;

import dev.salvo.client.Headers;
import dev.salvo.client.Origin;
import dev.salvo.client.RedirectPolicy;
import dev.salvo.client.Request;
import dev.salvo.client.Response;
import java.net.URI;
import java.util.Optional;

/**
 * Applies a {@link RedirectPolicy}: the request of the next hop, or null to return the response
 * as it is. Stateless and thread-safe. A Location that is not a valid http(s) URI ends the chain
 * (the 3xx is returned as data). Credentials are not carried to another host.
 */
final class RedirectFollower {
    private final RedirectPolicy policy;

    RedirectFollower(RedirectPolicy policy) {
        this.policy = policy;
    }

    Request next(Request current, Response response, int hops) {
        int status = response.status();
        if (policy == RedirectPolicy.NEVER || hops >= RedirectPolicy.MAX_HOPS || !isRedirect(status)) {
            return null;
        }
        Optional<URI> target = response.headers().first("Location").flatMap(location -> resolve(current.uri(), location));
        if (target.isEmpty()) {
            return null;
        }
        URI to = target.get();
        if (policy == RedirectPolicy.NORMAL && "https".equalsIgnoreCase(current.uri().getScheme())
                && "http".equalsIgnoreCase(to.getScheme())) {
            return null;
        }
        Request.Builder next = current.toBuilder().uri(to);
        Headers.Builder headers = current.headers().toBuilder();
        boolean keepMethod = status == 307 || status == 308
                || current.method().equals("GET") || current.method().equals("HEAD");
        if (!keepMethod) {
            next.method("GET");
            headers.remove("Content-Type").remove("Content-Length");
        }
        if (!current.origin().equals(Origin.of(to))) {
            headers.remove("Authorization").remove("Cookie");
        }
        return next.headers(headers.build()).build();
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static Optional<URI> resolve(URI base, String location) {
        try {
            URI resolved = base.resolve(location.strip());
            Request.newBuilder(resolved); // checks scheme and host
            return Optional.of(resolved);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
