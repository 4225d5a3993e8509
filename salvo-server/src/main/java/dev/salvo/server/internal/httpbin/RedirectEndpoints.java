package dev.salvo.server.internal.httpbin;

import dev.salvo.server.internal.http.Exchange;
import dev.salvo.server.internal.http.HttpError;
import dev.salvo.server.internal.http.ParamParser;
import dev.salvo.server.internal.http.Router;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * 302 chains ending at {@code /get}: {@code /redirect/{n}} (relative, or absolute with
 * {@code ?absolute=true}), {@code /relative-redirect/{n}}, {@code /absolute-redirect/{n}}; n &lt; 1
 * or not an integer → 400. {@code /redirect-to?url=U&status_code=S}: S (default 302) must be 3xx,
 * U must be present, else 400.
 */
final class RedirectEndpoints {
    private RedirectEndpoints() {
    }

    static void addTo(Router.Builder routes) {
        routes.any("/redirect/{n}", ex -> chain(ex, "true".equals(ex.param("absolute").orElse("false")), "/redirect/"));
        routes.any("/relative-redirect/{n}", ex -> chain(ex, false, "/relative-redirect/"));
        routes.any("/absolute-redirect/{n}", ex -> chain(ex, true, "/absolute-redirect/"));
        routes.any("/redirect-to", RedirectEndpoints::redirectTo);
    }

    private static void chain(Exchange ex, boolean absolute, String prefix) {
        long n = ParamParser.integer(ex.pathVariable("n"), "number of redirects", 1, 100);
        String next = n == 1 ? "/get" : prefix + (n - 1) + (absolute && prefix.equals("/redirect/") ? "?absolute=true" : "");
        if (absolute) {
            next = "http://" + ex.header(HttpHeaderNames.HOST).orElse("127.0.0.1:" + ex.localPort()) + next;
        }
        redirect(ex, HttpResponseStatus.FOUND, next);
    }

    private static void redirectTo(Exchange ex) {
        String url = ex.param("url").filter(u -> !u.isBlank())
                .orElseThrow(() -> HttpError.badRequest("missing required query parameter url"));
        int code = (int) ParamParser.integer(ex.param("status_code").orElse("302"), "status_code", 300, 399);
        redirect(ex, HttpResponseStatus.valueOf(code), url);
    }

    private static void redirect(Exchange ex, HttpResponseStatus status, String location) {
        ex.responseHeader(HttpHeaderNames.LOCATION, location);
        ex.reply(status, null, Unpooled.EMPTY_BUFFER);
    }
}
