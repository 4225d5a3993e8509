package dev.salvo.netty.internal;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;

/**
 * Whether a response lets its connection serve another request: HTTP/1.1 unless the Connection
 * header says {@code close}, HTTP/1.0 only when it says {@code keep-alive}. Reads the one header
 * without building a list of its values.
 */
final class KeepAlive {
    private KeepAlive() {
    }

    static boolean allowedBy(HttpResponse response) {
        String connection = response.headers().get(HttpHeaderNames.CONNECTION);
        if (response.protocolVersion().isKeepAliveDefault()) {
            return connection == null || !hasToken(connection, "close");
        }
        return connection != null && hasToken(connection, "keep-alive");
    }

    /** Whether the comma-separated list {@code value} holds {@code token}, ignoring case and spaces. */
    static boolean hasToken(String value, String token) {
        int start = 0;
        while (start <= value.length()) {
            int end = value.indexOf(',', start);
            if (end < 0) {
                end = value.length();
            }
            int from = start;
            int to = end;
            while (from < to && value.charAt(from) == ' ') {
                from++;
            }
            while (to > from && value.charAt(to - 1) == ' ') {
                to--;
            }
            if (to - from == token.length() && value.regionMatches(true, from, token, 0, token.length())) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }
}
