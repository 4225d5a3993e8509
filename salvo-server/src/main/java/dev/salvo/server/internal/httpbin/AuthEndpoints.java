package dev.salvo.server.internal.httpbin;

import dev.salvo.server.internal.http.Exchange;
import dev.salvo.server.internal.http.HttpError;
import dev.salvo.server.internal.http.Router;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * {@code /basic-auth/{user}/{passwd}} (401 with a challenge when the credentials differ),
 * {@code /hidden-basic-auth/{user}/{passwd}} (404 instead), {@code /bearer} (any bearer token).
 * Success: 200 {@code {authenticated: true, user}} (bearer: {@code token}). Missing segments → 404.
 */
final class AuthEndpoints {
    private AuthEndpoints() {
    }

    static void addTo(Router.Builder routes) {
        routes.get("/basic-auth/{user}/{passwd}", ex -> basic(ex, false));
        routes.get("/hidden-basic-auth/{user}/{passwd}", ex -> basic(ex, true));
        routes.get("/bearer", AuthEndpoints::bearer);
    }

    private static void basic(Exchange ex, boolean hidden) {
        String user = ex.pathVariable("user");
        String expected = user + ":" + ex.pathVariable("passwd");
        Optional<String> given = ex.header(HttpHeaderNames.AUTHORIZATION)
                .filter(h -> h.regionMatches(true, 0, "Basic ", 0, 6))
                .map(h -> decode(h.substring(6).trim()));
        if (given.isPresent() && given.get().equals(expected)) {
            authenticated(ex, "user", user);
        } else if (hidden) {
            throw HttpError.notFound("not found");
        } else {
            ex.responseHeader(HttpHeaderNames.WWW_AUTHENTICATE, "Basic realm=\"Fake Realm\"");
            unauthenticated(ex);
        }
    }

    private static void bearer(Exchange ex) {
        Optional<String> token = ex.header(HttpHeaderNames.AUTHORIZATION)
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).trim())
                .filter(t -> !t.isEmpty());
        if (token.isPresent()) {
            authenticated(ex, "token", token.get());
        } else {
            ex.responseHeader(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
            unauthenticated(ex);
        }
    }

    private static String decode(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static void authenticated(Exchange ex, String field, String value) {
        ex.replyJson(HttpResponseStatus.OK, g -> {
            g.writeStartObject();
            g.writeBooleanField("authenticated", true);
            g.writeStringField(field, value);
            g.writeEndObject();
        });
    }

    private static void unauthenticated(Exchange ex) {
        ex.replyJson(HttpResponseStatus.UNAUTHORIZED, g -> {
            g.writeStartObject();
            g.writeBooleanField("authenticated", false);
            g.writeEndObject();
        });
    }
}
