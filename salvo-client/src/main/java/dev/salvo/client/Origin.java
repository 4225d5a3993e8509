package dev.salvo.client;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a request goes: scheme, host and port, as RFC 6454 defines an origin. The key of every
 * per-host limit: {@code http://a:80} and {@code https://a:443} are two origins. Immutable; the
 * host is lower-cased and the port is the scheme's default when the URI has none.
 *
 * @param scheme "http" or "https"
 * @param host   the host, lower case, IPv6 literals without brackets
 * @param port   1-65535
 */
public record Origin(String scheme, String host, int port) {

    public Origin {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(host, "host");
        scheme = scheme.toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("scheme must be http or https, got " + scheme);
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1-65535, got " + port);
        }
    }

    /** The origin of an absolute http(s) URI. */
    public static Origin of(URI uri) {
        Objects.requireNonNull(uri, "uri");
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("not an absolute http(s) URI with a host: " + uri);
        }
        String scheme = uri.getScheme();
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(scheme) ? 443 : 80;
        return new Origin(scheme, uri.getHost(), port);
    }

    /** The origin of an absolute http(s) URL, such as {@code https://api.example.com}. */
    public static Origin of(String url) {
        Objects.requireNonNull(url, "url");
        try {
            return of(URI.create(url.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an absolute http(s) URL: " + url, e);
        }
    }

    /** True for https. */
    public boolean isSecure() {
        return scheme.equals("https");
    }

    /** {@code host[:port]} as a Host header carries it: the port only when it is not the scheme's default. */
    public String authority() {
        String h = host.indexOf(':') >= 0 ? '[' + host + ']' : host;
        return port == (isSecure() ? 443 : 80) ? h : h + ':' + port;
    }

    /** The same three fields: written out, as the key of every per-host look-up on each call. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Origin that && port == that.port && host.equals(that.host) && scheme.equals(that.scheme);
    }

    @Override
    public int hashCode() {
        return (scheme.hashCode() * 31 + host.hashCode()) * 31 + port;
    }

    /** {@code scheme://host:port}, with brackets around an IPv6 host. */
    @Override
    public String toString() {
        String h = host.indexOf(':') >= 0 ? '[' + host + ']' : host;
        return scheme + "://" + h + ':' + port;
    }
}
