package dev.salvo.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.HttpVersion;
import dev.salvo.client.Origin;
import dev.salvo.client.Request;
import dev.salvo.client.Response;
import dev.salvo.client.contract.Await;
import dev.salvo.client.contract.TransportContract;
import dev.salvo.client.spi.Transport;
import dev.salvo.server.SalvoServer;
import dev.salvo.server.ServerConfig;
import dev.salvo.server.ServerTls;
import java.net.URI;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client contract over h2 by ALPN to the embedded server on TLS with its self-signed
 * certificate, which the transport trusts; the contract's raw-socket servers stay on cleartext
 * HTTP/1.1.
 */
class NettyH2TlsTransportContractTest extends TransportContract {
    private static X509TrustManager trust;

    /** Runs after the contract's own start: swaps its cleartext server for one on TLS (the contract stops it). */
    @BeforeAll
    static void startTlsServer() {
        server.close();
        ServerTls tls = ServerTls.selfSigned();
        server = SalvoServer.start(ServerConfig.newBuilder().maxBody(32 << 20).tls(tls).build());
        assertTrue(server.url("/").startsWith("https://"), server.url("/"));
        trust = tls.trustManager();
    }

    @Override
    protected Transport newTransport() {
        return NettyTransport.newBuilder()
                .eventLoopThreads(1)
                .trustManager(trust)
                .protocol(Origin.of(URI.create(server.url("/"))), HttpVersion.HTTP_2)
                .build();
    }

    @Test
    void callsRideH2OverTls() {
        Response response = Await.value(transport.execute(Request.get(server.url("/get?tls=1"))));
        assertEquals(HttpVersion.HTTP_2, response.version());
        assertTrue(response.bodyString().contains("\"url\":\"" + server.url("/get?tls=1") + "\""), response.bodyString());
    }

}
