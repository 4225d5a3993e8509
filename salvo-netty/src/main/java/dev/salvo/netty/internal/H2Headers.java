package dev.salvo.netty.internal;

import dev.salvo.client.Headers;
import dev.salvo.client.Origin;
import dev.salvo.client.Request;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.util.AsciiString;
import java.net.URI;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Salvo's requests as HTTP/2 header lists and HTTP/2 responses as Salvo's {@link Headers}. A
 * request's fields go out lower-cased, in order, except those HTTP/2 forbids (RFC 9113 §8.2.2) and
 * those the transport sets: {@code :authority} from {@code Host} (or the origin) and
 * {@code content-length} from the body.
 */
final class H2Headers {
    private static final Set<String> NOT_SENT = Set.of("connection", "keep-alive", "proxy-connection",
            "transfer-encoding", "upgrade", "host", "content-length");

    private H2Headers() {
    }

    static Http2Headers request(Request request, Origin origin) {
        URI uri = RequestEncoder.asciiOnly(request.uri());
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery();
        Headers fields = request.headers();
        String authority = fields.first("Host").orElse(origin.authority());
        Http2Headers out = new DefaultHttp2Headers(false, fields.size() + 5)
                .method(request.method())
                .scheme(origin.scheme())
                .authority(authority)
                .path(query == null ? path : path + '?' + query);
        for (int i = 0, n = fields.size(); i < n; i++) {
            String name = fields.name(i).toLowerCase(Locale.ROOT);
            if (NOT_SENT.contains(name) || name.equals("te") && !fields.value(i).equalsIgnoreCase("trailers")) {
                continue;
            }
            out.add(AsciiString.cached(name), fields.value(i));
        }
        long length = request.body().length();
        if (length > 0 || length == 0 && RequestEncoder.expectsBody(request.method())) {
            out.setLong("content-length", length);
        }
        return out;
    }

    /** The {@code :status} code. */
    static int status(Http2Headers headers) {
        CharSequence status = headers.status();
        if (status == null || status.length() != 3) {
            throw new IllegalArgumentException("no 3-digit :status (" + status + ")");
        }
        try {
            return Integer.parseInt(status.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("no 3-digit :status (" + status + ")");
        }
    }

    /** The regular fields, in order; pseudo-headers left out. */
    static Headers response(Http2Headers headers) {
        Headers.Builder builder = Headers.newBuilder();
        Iterator<Map.Entry<CharSequence, CharSequence>> fields = headers.iterator();
        while (fields.hasNext()) {
            Map.Entry<CharSequence, CharSequence> field = fields.next();
            CharSequence name = field.getKey();
            if (name.length() > 0 && name.charAt(0) != ':') {
                builder.add(name.toString(), field.getValue().toString());
            }
        }
        return builder.build();
    }
}
