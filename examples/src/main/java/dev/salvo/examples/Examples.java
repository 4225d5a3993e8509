package dev.salvo.examples;

import dev.salvo.server.SalvoServer;

/**
 * Where the examples send their requests: the base URL given as the first argument, or else a
 * Salvo embedded server started on a free loopback port for the run (httpbin's endpoints, offline).
 */
final class Examples implements AutoCloseable {
    private final SalvoServer server;
    private final String base;

    private Examples(SalvoServer server, String base) {
        this.server = server;
        this.base = base;
    }

    /** {@code args[0]} as the base URL (for example {@code http://127.0.0.1:8000}), or an embedded server. */
    static Examples target(String[] args) {
        if (args.length > 0) {
            return new Examples(null, args[0].replaceAll("/+$", ""));
        }
        SalvoServer server = SalvoServer.start();
        return new Examples(server, "http://127.0.0.1:" + server.port());
    }

    /** The URL of {@code path} on the target, for example {@code url("/get")}. */
    String url(String path) {
        return base + path;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
