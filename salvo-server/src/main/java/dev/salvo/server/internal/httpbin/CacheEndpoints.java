package dev.salvo.server.internal.httpbin;

import dev.salvo.server.internal.http.Exchange;
import dev.salvo.server.internal.http.ParamParser;
import dev.salvo.server.internal.http.Router;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.UUID;

/**
 * {@code /cache}: 304 when the request has If-Modified-Since or If-None-Match, else the echo with
 * Last-Modified and ETag. {@code /cache/{n}}: the echo with {@code Cache-Control: public,
 * max-age=n} (n a non-negative integer, else 400). {@code /etag/{etag}}: 304 when If-None-Match
 * names it (or {@code *}), 412 when If-Match does not, else the echo with that ETag.
 */
final class CacheEndpoints {
    private CacheEndpoints() {
    }

    static void addTo(Router.Builder routes) {
        routes.get("/cache", CacheEndpoints::cache);
        routes.get("/cache/{n}", ex -> {
            long n = ParamParser.integer(ex.pathVariable("n"), "max-age", 0, Integer.MAX_VALUE);
            ex.responseHeader(HttpHeaderNames.CACHE_CONTROL, "public, max-age=" + n);
            ex.replyJson(HttpResponseStatus.OK, RequestEcho.of(ex));
        });
        routes.get("/etag/{etag}", CacheEndpoints::etag);
    }

    private static void cache(Exchange ex) {
        if (ex.header(HttpHeaderNames.IF_MODIFIED_SINCE).isPresent() || ex.header(HttpHeaderNames.IF_NONE_MATCH).isPresent()) {
            ex.reply(HttpResponseStatus.NOT_MODIFIED, null, Unpooled.EMPTY_BUFFER);
            return;
        }
        ex.responseHeader(HttpHeaderNames.LAST_MODIFIED, DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
        ex.responseHeader(HttpHeaderNames.ETAG, "\"" + UUID.randomUUID().toString().replace("-", "") + "\"");
        ex.replyJson(HttpResponseStatus.OK, RequestEcho.of(ex));
    }

    private static void etag(Exchange ex) {
        String etag = ex.pathVariable("etag");
        ex.responseHeader(HttpHeaderNames.ETAG, "\"" + etag + "\"");
        if (ex.header(HttpHeaderNames.IF_NONE_MATCH).filter(h -> names(h, etag)).isPresent()) {
            ex.reply(HttpResponseStatus.NOT_MODIFIED, null, Unpooled.EMPTY_BUFFER);
        } else if (ex.header(HttpHeaderNames.IF_MATCH).filter(h -> !names(h, etag)).isPresent()) {
            ex.reply(HttpResponseStatus.PRECONDITION_FAILED, null, Unpooled.EMPTY_BUFFER);
        } else {
            ex.replyJson(HttpResponseStatus.OK, RequestEcho.of(ex));
        }
    }

    /** Whether a list of entity tags (quoted or not, possibly weak) contains {@code etag} or {@code *}. */
    private static boolean names(String header, String etag) {
        return Arrays.stream(header.split(","))
                .map(String::trim)
                .map(t -> t.startsWith("W/") ? t.substring(2) : t)
                .map(t -> t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t)
                .anyMatch(t -> t.equals("*") || t.equals(etag));
    }
}
