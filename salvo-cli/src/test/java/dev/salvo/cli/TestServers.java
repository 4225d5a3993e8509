package dev.salvo.cli;

import dev.salvo.server.SalvoServer;
import dev.salvo.server.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Servers for the tests: a quick embedded one and a dead address. */
public final class TestServers {
    private TestServers() {
    }

    /** An embedded server with short seed latencies (books 20 ms, search jobs 50 ms). */
    public static SalvoServer quick() {
        return SalvoServer.start(ServerConfig.newBuilder()
                .booksLatency(Duration.ofMillis(20)).searchJobTime(Duration.ofMillis(50)).build());
    }

    /** A loopback URL where nothing listens. */
    public static String deadUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #quick()} for a test class ({@code @RegisterExtension static}): started before its first test, closed after its last. */
    public static final class Quick implements BeforeAllCallback, AfterAllCallback {
        private SalvoServer server;

        @Override
        public void beforeAll(ExtensionContext context) {
            server = quick();
        }

        @Override
        public void afterAll(ExtensionContext context) {
            server.close();
        }

        /** The URL of {@code path} on the server. */
        public String url(String path) {
            return server.url(path);
        }
    }
}
