package dev.salvo.server.internal.http;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps method and path to an endpoint: literal paths by hash, patterns in registration order.
 * A path that matches with another method → 405 with {@code Allow}; nothing → 404. Endpoint
 * failures become JSON errors. Build with {@link #newBuilder()}; immutable and thread-safe after.
 */
public final class Router {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    /** A route; {@code methods} empty means any method. */
    private record Route(Set<HttpMethod> methods, PathPattern pattern, Endpoint endpoint) {
        boolean allows(HttpMethod m) {
            return methods.isEmpty() || methods.contains(m)
                    || (m.equals(HttpMethod.HEAD) && methods.contains(HttpMethod.GET));
        }
    }

    private final Map<String, List<Route>> literal;
    private final List<Route> patterns;

    private Router(Builder b) {
        this.literal = Map.copyOf(b.literal);
        this.patterns = List.copyOf(b.patterns);
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** Routes the exchange and runs its endpoint; every outcome ends in a reply (or a fault's own end). */
    public void handle(Exchange ex) {
        try {
            ex.requireValidTarget();
            route(ex);
        } catch (HttpError e) {
            ex.replyError(e.status(), e.detail());
        } catch (Exception | StackOverflowError e) {
            LOG.warn("request {} {} {} failed on {}: {}", ex.id(), ex.method(), ex.path(), Thread.currentThread().getName(), e.toString());
            LOG.debug("request {} failure", ex.id(), e);
            ex.replyError(HttpResponseStatus.INTERNAL_SERVER_ERROR, "the endpoint failed: " + e);
        }
    }

    private void route(Exchange ex) throws Exception {
        List<Route> exact = literal.get(ex.path());
        List<Route> allowedElsewhere = new ArrayList<>(0); // empty ArrayLists share one array: no garbage
        if (exact != null && tryRoutes(ex, exact, null, allowedElsewhere)) {
            return;
        }
        List<String> segments = PathPattern.split(ex.path());
        for (Route r : patterns) {
            Map<String, String> vars = r.pattern().match(segments);
            if (vars != null && tryRoutes(ex, List.of(r), vars, allowedElsewhere)) {
                return;
            }
        }
        if (!allowedElsewhere.isEmpty()) {
            Set<String> allow = new LinkedHashSet<>();
            allowedElsewhere.forEach(r -> r.methods().forEach(m -> allow.add(m.name())));
            ex.responseHeader("Allow", String.join(", ", allow));
            throw new HttpError(HttpResponseStatus.METHOD_NOT_ALLOWED,
                    "method " + ex.method() + " not allowed on " + ex.path() + "; allowed: " + String.join(", ", allow));
        }
        throw HttpError.notFound("no endpoint at " + ex.path());
    }

    private static boolean tryRoutes(Exchange ex, List<Route> routes, Map<String, String> vars, List<Route> allowedElsewhere)
            throws Exception {
        for (Route r : routes) {
            if (r.allows(ex.method())) {
                ex.pathVariables(vars == null ? Map.of() : vars);
                r.endpoint().handle(ex);
                return true;
            }
            allowedElsewhere.add(r);
        }
        return false;
    }

    /** Collects routes; not thread-safe. */
    public static final class Builder {
        private final Map<String, List<Route>> literal = new HashMap<>();
        private final List<Route> patterns = new ArrayList<>();

        private Builder() {
        }

        /** Any method. */
        public Builder any(String pattern, Endpoint endpoint) {
            return add(Set.of(), pattern, endpoint);
        }

        /** GET (and HEAD). */
        public Builder get(String pattern, Endpoint endpoint) {
            return add(Set.of(HttpMethod.GET), pattern, endpoint);
        }

        /** The given methods, e.g. {@code "POST"}, {@code "PUT"}. */
        public Builder on(String methods, String pattern, Endpoint endpoint) {
            Set<HttpMethod> set = java.util.Arrays.stream(methods.split(","))
                    .map(s -> HttpMethod.valueOf(s.trim())).collect(Collectors.toUnmodifiableSet());
            return add(set, pattern, endpoint);
        }

        private Builder add(Set<HttpMethod> methods, String pattern, Endpoint endpoint) {
            Route r = new Route(methods, new PathPattern(pattern), endpoint);
            if (r.pattern().isLiteral()) {
                String key = "/" + String.join("/", PathPattern.split(pattern));
                literal.computeIfAbsent(key, k -> new ArrayList<>(1)).add(r);
            } else {
                patterns.add(r);
            }
            return this;
        }

        public Router build() {
            return new Router(this);
        }
    }
}
