package dev.salvo.cli;

import dev.salvo.server.SalvoServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An embedded server for a test class ({@link TestServers#quick()}), started before its tests and
 * stopped after: {@code @RegisterExtension static final QuickServer server = new QuickServer();}.
 */
final class QuickServer implements BeforeAllCallback, AfterAllCallback {
    private SalvoServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = TestServers.quick();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }

    /** Requests the server is serving now. */
    int inFlight() {
        return server.inFlight();
    }

    /** The absolute URL of {@code path}. */
    String url(String path) {
        return server.url(path);
    }
}
