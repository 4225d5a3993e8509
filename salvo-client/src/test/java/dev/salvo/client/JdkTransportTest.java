package dev.salvo.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.contract.Await;
import dev.salvo.client.contract.TransportContract;
import dev.salvo.client.spi.Transport;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import org.junit.jupiter.api.Test;

/** The JDK HttpClient transport passes the transport contract, and the builder's settings pass through. */
class JdkTransportTest extends TransportContract {
    @Override
    protected Transport newTransport() {
        return Transports.jdk();
    }

    @Test
    void proxySettingsPassThrough() {
        // the embedded server answers absolute-form requests, as a proxy receives them
        ProxySelector viaServer = ProxySelector.of(new InetSocketAddress("127.0.0.1", server.port()));
        try (Transport proxied = Transports.jdk(HttpClient.newBuilder().proxy(viaServer))) {
            Response response = Await.value(proxied.execute(Request.get("http://salvo.invalid/get?via=proxy")));
            assertEquals(200, response.status());
            assertTrue(response.bodyString().contains("http://salvo.invalid/get?via=proxy"), response.bodyString());
        }
    }

    @Test
    void headersTheJdkReservesFailTheFutureWithAClearError() {
        Request withHost = Request.newBuilder(server.url("/get")).header("Host", "elsewhere").build();
        IllegalArgumentException e = Await.failure(transport.execute(withHost), IllegalArgumentException.class);
        assertTrue(e.getMessage().contains("cannot send"), e.getMessage());
    }
}
