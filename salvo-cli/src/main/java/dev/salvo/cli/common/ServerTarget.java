package dev.salvo.cli.common;

import dev.salvo.client.EventListener;
import dev.salvo.client.Request;
import dev.salvo.server.SalvoServer;
import dev.salvo.server.ServerConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;

/**
 * The server a command talks to: the one {@code --server URL} names, or Salvo's embedded server
 * started on a free loopback port and stopped on {@link #close()} or Ctrl-C.
 */
public final class ServerTarget implements AutoCloseable {
    private final String base;
    private final SalvoServer embedded;

    private ServerTarget(String base, SalvoServer embedded) {
        this.base = base;
        this.embedded = embedded;
        if (embedded != null) {
            CleanStop.register(embedded);
        }
    }

    /** An embedded server started with {@code config}. */
    public static ServerTarget embedded(ServerConfig config) {
        SalvoServer server = SalvoServer.start(config);
        return new ServerTarget(trimSlash(server.url("/")), server);
    }

    /** {@code server} when given, else an embedded server started with {@code config}. */
    public static ServerTarget choose(Optional<String> server, ServerConfig config) {
        return server.map(ServerTarget::remote).orElseGet(() -> embedded(config));
    }

    /** A server already running at {@code url} (http or https; a path, if any, prefixes every call). */
    public static ServerTarget remote(String url) {
        try {
            URI uri = new URI(url.strip());
            if (!uri.isAbsolute() || uri.getHost() == null
                    || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                throw new BadInputException("--server must be an http(s) URL like http://127.0.0.1:8000, got '" + url + "'");
            }
            return new ServerTarget(trimSlash(uri.toString()), null);
        } catch (URISyntaxException e) {
            throw new BadInputException("--server is not a URL: '" + url + "' (" + e.getReason() + ")", e);
        }
    }

    /**
     * One call to each of {@code paths}, outcomes ignored, so that a measurement does not include
     * the server's first-call start-up (the embedded server's first {@code /delay} takes 0.7 s more).
     */
    public void warmUp(TransportOptions transport, List<String> paths) {
        try (HttpSession session = transport.open(1, EventListener.NONE)) {
            for (String path : paths) {
                session.client().send(Request.get(url(path))).exceptionally(failure -> null).join();
            }
        }
    }

    /** The absolute URL of {@code path} (which starts with '/'). */
    public String url(String path) {
        return base + path;
    }

    /** The base URL, without a trailing slash. */
    public String base() {
        return base;
    }

    @Override
    public void close() {
        if (embedded != null) {
            CleanStop.unregister(embedded);
            embedded.close();
        }
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
