package dev.salvo.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.HttpVersion;
import dev.salvo.client.Request;
import dev.salvo.client.Response;
import dev.salvo.client.Salvo;
import dev.salvo.client.SalvoIOException;
import dev.salvo.client.contract.Await;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** h2 over TLS by ALPN, and the fall-back to HTTP/1.1 when the server does not choose h2. */
class Http2TlsTest {
    @TempDir
    static Path directory;
    private static H2Server h2;
    private static TlsServer http1Only;
    private static X509TrustManager trust;

    @BeforeAll
    static void start() throws Exception {
        KeyStore keys = TlsServer.createKeyStore(directory.resolve("h2.p12"));
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, TlsServer.PASSWORD);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(keys);
        trust = (X509TrustManager) trustManagers.getTrustManagers()[0];
        h2 = new H2Server(100, keyManagers);
        http1Only = new TlsServer(directory);
    }

    @AfterAll
    static void stop() throws Exception {
        h2.close();
        http1Only.close();
    }

    private static Salvo client(X509TrustManager trustManager) {
        NettyTransport.Builder transport = NettyTransport.newBuilder().eventLoopThreads(1).protocol(HttpVersion.HTTP_2);
        if (trustManager != null) {
            transport.trustManager(trustManager);
        }
        return Salvo.newBuilder().maxPerHost(100).transport(transport.build()).build();
    }

    @Test
    void alpnChoosesH2AndTheCallsShareOneConnection() {
        int before = h2.connections.get();
        try (Salvo http = client(trust)) {
            List<CompletableFuture<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                calls.add(http.send(Request.get(h2.url("/get?i=" + i))));
            }
            for (int i = 0; i < calls.size(); i++) {
                Response response = Await.value(calls.get(i));
                assertEquals("path=/get?i=" + i, response.bodyString());
                assertEquals("h2", response.headers().first("x-protocol").orElseThrow());
                assertEquals(HttpVersion.HTTP_2, response.version());
            }
            assertEquals(before + 1, h2.connections.get(), "one TLS connection for all 50");
        }
    }

    @Test
    void aServerThatDoesNotOfferH2IsSpokenToInHttp1() throws Exception {
        try (Salvo http = client(http1Only.trustManager())) {
            List<CompletableFuture<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                calls.add(http.send(Request.get(http1Only.url("localhost", "/"))));
            }
            calls.forEach(call -> assertEquals("secure", Await.value(call).bodyString()));
            assertEquals(HttpVersion.HTTP_1_1, Await.value(calls.get(0)).version());
            assertEquals("secure", Await.value(http.send(Request.get(http1Only.url("localhost", "/")))).bodyString());
            Await.until("slots freed", () -> http.inFlight() == 0 && http.queued() == 0);
        }
    }

    @Test
    void anUntrustedCertificateFailsTypedWithTheTlsCause() {
        try (Salvo http = client(null)) {
            SalvoIOException e = Await.failure(http.send(Request.get(h2.url("/get"))), SalvoIOException.class);
            boolean tls = false;
            for (Throwable t = e; t != null; t = t.getCause()) {
                tls |= t instanceof SSLException;
            }
            assertTrue(tls, "keeps the TLS cause: " + e);
            Await.until("slots freed", () -> http.inFlight() == 0 && http.queued() == 0);
        }
    }
}
