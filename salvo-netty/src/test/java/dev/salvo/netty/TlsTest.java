package dev.salvo.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.ConnectFailedException;
import dev.salvo.client.Request;
import dev.salvo.client.Response;
import dev.salvo.client.SalvoIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** https through the JDK's TLS: SNI, trust, host name verification, keep-alive. */
class TlsTest {
    @TempDir
    static Path directory;
    private static TlsServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new TlsServer(directory);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static Throwable failureOf(NettyTransport transport, String url) {
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> transport.execute(Request.get(url)).get(10, TimeUnit.SECONDS));
        return failure.getCause();
    }

    private static boolean causedBySsl(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return true;
            }
        }
        return false;
    }

    @Test
    void trustedServerAnswersWithSniAndKeepAlive() throws Exception {
        try (NettyTransport transport = NettyTransport.newBuilder().trustManager(server.trustManager()).build()) {
            int before = server.serverNames().size();
            for (int i = 0; i < 3; i++) {
                Response response = transport.execute(Request.get(server.url("localhost", "/"))).get(10, TimeUnit.SECONDS);
                assertEquals("secure", response.bodyString());
            }
            assertEquals(List.of("localhost"), server.serverNames().subList(before, server.serverNames().size()),
                    "one handshake, with SNI localhost");
        }
    }

    @Test
    void untrustedCertificateFailsTypedWithTheTlsCause() {
        try (NettyTransport transport = NettyTransport.create()) {
            Throwable failure = failureOf(transport, server.url("localhost", "/"));
            assertInstanceOf(SalvoIOException.class, failure);
            assertFalse(failure instanceof ConnectFailedException);
            assertTrue(causedBySsl(failure), "keeps the TLS cause: " + failure);
        }
    }

    @Test
    void hostNameMismatchFails() throws Exception {
        try (NettyTransport transport = NettyTransport.newBuilder().trustManager(server.trustManager()).build()) {
            Throwable failure = failureOf(transport, server.url("127.0.0.1", "/"));
            assertInstanceOf(SalvoIOException.class, failure);
            assertTrue(causedBySsl(failure), "certificate is for localhost only: " + failure);
        }
    }
}
