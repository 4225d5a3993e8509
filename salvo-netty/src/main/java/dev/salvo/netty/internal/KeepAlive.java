package dev.salvo.netty.internal;

import dev.salvo.client.Headers;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;

/**
 * Whether an exchange lets its connection serve another request. A response does over HTTP/1.1
 * unless its Connection header says {@code close}, over HTTP/1.0 only when it says
 * {@code keep-alive}; a request does unless it says {@code Connection: close} itself. Reads the one
 * header without building a list of its values.
 */
final class KeepAlive {
    private KeepAlive() {
    }

    static boolean allowedBy(Headers requestHeaders) {
        for (int i = 0, n = requestHeaders.size(); i < n; i++) {
            if (requestHeaders.name(i).equalsIgnoreCase("Connection") && hasToken(requestHeaders.value(i), "close")) {
                return false;
            }
        }
        return true;
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
