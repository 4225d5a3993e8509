package dev.salvo.netty.internal;

import dev.salvo.client.Request;
import java.net.URI;
import java.util.Objects;

/**
 * Where a connection goes: scheme (plain or TLS), host and port; the key of a {@link HostPool}.
 *
 * @param host as in the URI, brackets included for IPv6 literals
 */
record Origin(boolean tls, String host, int port) {
    Origin {
        Objects.requireNonNull(host, "host");
    }

    static Origin of(URI uri) {
        return new Origin("https".equalsIgnoreCase(uri.getScheme()), uri.getHost(), Request.port(uri));
    }

    /** Whether {@code uri} goes to this origin; allocates nothing. */
    boolean matches(URI uri) {
        return host.equals(uri.getHost()) && port == Request.port(uri) && tls == "https".equalsIgnoreCase(uri.getScheme());
    }

    /** The host to resolve and connect to (no IPv6 brackets); also the TLS peer name for SNI. */
    String connectHost() {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** The Host header's value: the port only when it is not the scheme's default. */
    String hostHeader() {
        return port == (tls ? 443 : 80) ? host : host + ':' + port;
    }

    @Override
    public String toString() {
        return (tls ? "https://" : "http://") + host + ':' + port;
    }
}
