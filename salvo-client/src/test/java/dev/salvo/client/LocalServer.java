package dev.salvo.client;

import dev.salvo.server.SalvoServer;
import dev.salvo.server.ServerConfig;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The embedded Salvo server on a free loopback port, for one test class:
 * {@code @RegisterExtension static final LocalServer server = new LocalServer();}.
 */
public final class LocalServer implements BeforeAllCallback, AfterAllCallback {
    private SalvoServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = SalvoServer.start(ServerConfig.newBuilder().build());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }

    /** An absolute URL on the server, e.g. {@code url("/delay/1")}. */
    public String url(String path) {
        return server.url(path);
    }

    public Request get(String path) {
        return Request.get(url(path));
    }
}
