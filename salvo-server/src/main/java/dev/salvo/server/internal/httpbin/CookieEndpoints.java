package dev.salvo.server.internal.httpbin;

import dev.salvo.server.internal.http.Exchange;
import dev.salvo.server.internal.http.HttpError;
import dev.salvo.server.internal.http.Router;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.DefaultCookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.netty.handler.codec.http.cookie.ServerCookieEncoder;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /cookies} echoes the request's cookies as {@code {cookies: {name: value}}};
 * {@code /cookies/set?n=v…} and {@code /cookies/set/{name}/{value}} set cookies,
 * {@code /cookies/delete?n…} expires them; both then redirect (302) to {@code /cookies}. Names
 * and values outside RFC 6265's cookie syntax → 400.
 */
final class CookieEndpoints {
    private CookieEndpoints() {
    }

    static void addTo(Router.Builder routes) {
        routes.get("/cookies", CookieEndpoints::echo);
        routes.get("/cookies/set", ex -> {
            for (Map.Entry<String, List<String>> e : ex.queryParameters().entrySet()) {
                setCookie(ex, e.getKey(), e.getValue().getFirst(), false);
            }
            backToCookies(ex);
        });
        routes.get("/cookies/set/{name}/{value}", ex -> {
            setCookie(ex, ex.pathVariable("name"), ex.pathVariable("value"), false);
            backToCookies(ex);
        });
        routes.get("/cookies/delete", ex -> {
            for (String name : ex.queryParameters().keySet()) {
                setCookie(ex, name, "", true);
            }
            backToCookies(ex);
        });
    }

    private static void echo(Exchange ex) {
        Set<Cookie> cookies = ex.header(HttpHeaderNames.COOKIE).map(ServerCookieDecoder.LAX::decode).orElse(Set.of());
        ex.replyJson(HttpResponseStatus.OK, g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("cookies");
            for (Cookie c : cookies) {
                g.writeStringField(c.name(), c.value());
            }
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    /**
     * Sets (or expires) a cookie, encoded strictly (RFC 6265: a token name, cookie-octet value), so a
     * name or value cannot add attributes such as {@code ; Domain=}: anything else is a 400.
     */
    private static void setCookie(Exchange ex, String name, String value, boolean expire) {
        String encoded;
        try {
            DefaultCookie cookie = new DefaultCookie(name, value);
            cookie.setPath("/");
            if (expire) {
                cookie.setMaxAge(0);
            }
            encoded = ServerCookieEncoder.STRICT.encode(cookie);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("invalid cookie " + name + "=" + value + ": " + e.getMessage());
        }
        ex.responseHeader(HttpHeaderNames.SET_COOKIE, encoded);
    }

    private static void backToCookies(Exchange ex) {
        ex.responseHeader(HttpHeaderNames.LOCATION, "/cookies");
        ex.reply(HttpResponseStatus.FOUND, null, Unpooled.EMPTY_BUFFER);
    }
}
