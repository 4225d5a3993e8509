package dev.salvo.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.contract.Await;
import dev.salvo.client.contract.TransportContract;
import dev.salvo.client.spi.Transport;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
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
    void aRequestWithoutABodyCarriesContentLengthOnlyWhenItsMethodUsuallyHasABody() {
        Map<String, String> contentLengths = new ConcurrentHashMap<>();
        try (RecordingServer recording = new RecordingServer(exchange -> {
            contentLengths.put(exchange.getRequestMethod(),
                    String.valueOf(exchange.getRequestHeaders().getFirst("Content-Length")));
            return 204;
        })) {
            for (String method : List.of("GET", "HEAD", "DELETE", "POST", "PUT", "OPTIONS")) {
                Request request = Request.newBuilder(recording.url("/empty")).method(method).build();
                assertEquals(204, Await.value(transport.execute(request)).status());
            }
        }
        // as the JDK's own GET() sends them: no "Content-Length: 0" on a GET, HEAD or DELETE
        assertEquals(Map.of("GET", "null", "HEAD", "null", "DELETE", "null", "POST", "0", "PUT", "0", "OPTIONS", "0"),
                contentLengths);
    }

    @Test
    void theDefaultTransportRunsTheJdksTasksOnVirtualThreadsAndStagesStillOnTheLane() {
        // RESPONSE_HEADERS is told on the thread of the JDK's task that parsed the headers
        assertEquals("salvo-jdk virtual", threadsOf(Salvo.newBuilder()).get(CallEvent.Phase.RESPONSE_HEADERS));
        assertEquals("salvo-callback virtual", threadsOf(Salvo.newBuilder()).get(CallEvent.Phase.COMPLETED));
    }

    @Test
    void aGivenBuilderKeepsTheJdksOwnPool() {
        Salvo.Builder client = Salvo.newBuilder().transport(Transports.jdk(HttpClient.newBuilder()));
        assertEquals("HttpClient-Worker platform", threadsOf(client).get(CallEvent.Phase.RESPONSE_HEADERS));
    }

    @Test
    void aStageThatBlocksOnACallReusingItsConnectionCompletes() {
        // the JDK returns the connection to its pool before it delivers the body's end: the nested
        // call takes it while the stage that waits for it blocks
        try (Salvo http = Salvo.newBuilder().build()) {
            Await.value(http.send(Request.get(server.url("/get")))); // one idle connection in the pool
            CompletableFuture<Integer> nested = http.send(Request.get(server.url("/get")))
                    .thenApply(first -> http.send(Request.get(server.url("/bytes/64"))).join().body().length);
            assertEquals(64, Await.value(nested));
            assertEquals(0, http.inFlight());
        }
    }

    /** By phase, the kind of thread it was told on, and (as "COMPLETED") the thread a chained stage ran on. */
    private static Map<CallEvent.Phase, String> threadsOf(Salvo.Builder client) {
        Map<CallEvent.Phase, String> threads = new ConcurrentHashMap<>();
        try (Salvo http = client.eventListener(event -> threads.putIfAbsent(event.phase(), kind(Thread.currentThread()))).build()) {
            String stage = Await.value(http.send(Request.get(server.url("/get"))).thenApply(response -> kind(Thread.currentThread())));
            threads.put(CallEvent.Phase.COMPLETED, stage);
        }
        return threads;
    }

    private static String kind(Thread thread) {
        String name = thread.getName().replaceAll("-\\d+", "");
        return name + (thread.isVirtual() ? " virtual" : " platform");
    }

    @Test
    void headersTheJdkReservesFailTheFutureWithAClearError() {
        Request withHost = Request.newBuilder(server.url("/get")).header("Host", "elsewhere").build();
        IllegalArgumentException e = Await.failure(transport.execute(withHost), IllegalArgumentException.class);
        assertTrue(e.getMessage().contains("cannot send"), e.getMessage());
    }
}
