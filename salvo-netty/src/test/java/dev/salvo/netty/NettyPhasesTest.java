package dev.salvo.netty;

import static dev.salvo.client.CallEvent.Phase.COMPLETED;
import static dev.salvo.client.CallEvent.Phase.CONNECTION_ACQUIRED;
import static dev.salvo.client.CallEvent.Phase.CONNECT_END;
import static dev.salvo.client.CallEvent.Phase.CONNECT_START;
import static dev.salvo.client.CallEvent.Phase.DNS_END;
import static dev.salvo.client.CallEvent.Phase.DNS_START;
import static dev.salvo.client.CallEvent.Phase.QUEUED;
import static dev.salvo.client.CallEvent.Phase.REQUEST_BODY_SENT;
import static dev.salvo.client.CallEvent.Phase.REQUEST_HEADERS_SENT;
import static dev.salvo.client.CallEvent.Phase.RESPONSE_BODY_RECEIVED;
import static dev.salvo.client.CallEvent.Phase.RESPONSE_FIRST_BYTE;
import static dev.salvo.client.CallEvent.Phase.RESPONSE_HEADERS;
import static dev.salvo.client.CallEvent.Phase.STARTED;
import static dev.salvo.client.CallEvent.Phase.TLS_END;
import static dev.salvo.client.CallEvent.Phase.TLS_START;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.CallEvent;
import dev.salvo.client.CallEvent.Phase;
import dev.salvo.client.Headers;
import dev.salvo.client.HttpVersion;
import dev.salvo.client.Request;
import dev.salvo.client.RequestBody;
import dev.salvo.client.Salvo;
import dev.salvo.client.contract.Await;
import dev.salvo.client.spi.Exchange;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The phases the Netty transport reports, in order, over HTTP/1.1 and HTTP/2, plain and TLS. */
class NettyPhasesTest {
    private static final List<Phase> REUSED_HTTP1 = List.of(QUEUED, STARTED, CONNECTION_ACQUIRED, REQUEST_HEADERS_SENT,
            RESPONSE_FIRST_BYTE, RESPONSE_HEADERS, RESPONSE_BODY_RECEIVED, COMPLETED);

    @TempDir
    Path directory;
    private final PhaseRecorder recorder = new PhaseRecorder();

    private Salvo client(NettyTransport.Builder transport) {
        return Salvo.newBuilder().eventListener(recorder).transport(transport.build()).build();
    }

    @Test
    void http1NewConnectionThenReused() throws Exception {
        try (LoopbackHttpServer server = new LoopbackHttpServer(); Salvo http = client(NettyTransport.newBuilder())) {
            Await.value(http.send(Request.get(server.url("/hello"))));
            Await.value(http.send(Request.get(server.url("/hello"))));
            // 127.0.0.1 needs no name resolution
            assertEquals(List.of(QUEUED, STARTED, CONNECT_START, CONNECT_END, CONNECTION_ACQUIRED, REQUEST_HEADERS_SENT,
                    RESPONSE_FIRST_BYTE, RESPONSE_HEADERS, RESPONSE_BODY_RECEIVED, COMPLETED), recorder.phasesOf(1));
            CallEvent acquired = PhaseRecorder.first(recorder.of(1), CONNECTION_ACQUIRED);
            assertEquals("new", acquired.detail());
            assertEquals(0, acquired.value());
            assertEquals(REUSED_HTTP1, recorder.phasesOf(2));
            assertTrue(PhaseRecorder.first(recorder.of(2), CONNECTION_ACQUIRED).reused());
            assertInTimeOrder(recorder.of(1));
            assertEquals(1, server.connections());
        }
    }

    @Test
    void aHostNameIsResolvedAsAPhaseOfItsOwn() throws Exception {
        try (LoopbackHttpServer server = new LoopbackHttpServer(); Salvo http = client(NettyTransport.newBuilder())) {
            Await.value(http.send(Request.get("http://localhost:" + server.port() + "/hello")));
            List<Phase> phases = recorder.phasesOf(1);
            assertEquals(List.of(QUEUED, STARTED, DNS_START, DNS_END, CONNECT_START, CONNECT_END, CONNECTION_ACQUIRED),
                    phases.subList(0, 7));
        }
    }

    @Test
    void aNameThatDoesNotResolveEndsItsDnsPhaseAndFailsTyped() {
        try (Salvo http = client(NettyTransport.newBuilder())) {
            Await.failure(http.send(Request.get("http://no-such-host.invalid/")), dev.salvo.client.ConnectFailedException.class);
            assertEquals(List.of(QUEUED, STARTED, DNS_START, DNS_END, Phase.FAILED), recorder.phasesOf(1));
            Await.until("slots freed", () -> http.inFlight() == 0 && http.queued() == 0);
        }
    }

    @Test
    void bodiesSentInlineAndStreamedReportTheirBytes() throws Exception {
        try (LoopbackHttpServer server = new LoopbackHttpServer(); Salvo http = client(NettyTransport.newBuilder())) {
            Await.value(http.send(Request.post(server.url("/echo"), "text/plain", new byte[1234])));
            byte[] large = new byte[300_000];
            Await.value(http.send(Request.newBuilder(server.url("/echo"))
                    .POST(RequestBody.ofInputStream(new ByteArrayInputStream(large))).build()));
            for (int n = 1; n <= 2; n++) {
                List<Phase> phases = recorder.phasesOf(n);
                assertTrue(phases.indexOf(REQUEST_HEADERS_SENT) < phases.indexOf(REQUEST_BODY_SENT), phases.toString());
                assertTrue(phases.indexOf(REQUEST_BODY_SENT) < phases.indexOf(RESPONSE_HEADERS), phases.toString());
            }
            assertEquals(1234, PhaseRecorder.first(recorder.of(1), REQUEST_BODY_SENT).value());
            assertEquals(300_000, PhaseRecorder.first(recorder.of(2), REQUEST_BODY_SENT).value(), "content, without chunk framing");
        }
    }

    @Test
    void http1OverTlsReportsTheHandshakeBeforeTheConnectionIsAcquired() throws Exception {
        try (TlsServer server = new TlsServer(directory);
             Salvo http = client(NettyTransport.newBuilder().trustManager(server.trustManager()))) {
            Await.value(http.send(Request.get(server.url("localhost", "/"))));
            Await.value(http.send(Request.get(server.url("localhost", "/"))));
            assertEquals(List.of(QUEUED, STARTED, DNS_START, DNS_END, CONNECT_START, CONNECT_END, TLS_START, TLS_END,
                    CONNECTION_ACQUIRED, REQUEST_HEADERS_SENT, RESPONSE_FIRST_BYTE, RESPONSE_HEADERS, RESPONSE_BODY_RECEIVED,
                    COMPLETED), recorder.phasesOf(1));
            assertEquals(REUSED_HTTP1, recorder.phasesOf(2));
            assertInTimeOrder(recorder.of(1));
        }
    }

    @Test
    void aFailedHandshakeEndsItsTlsPhaseAndFailsTypedWithTheTlsCause() throws Exception {
        try (TlsServer server = new TlsServer(directory); Salvo http = client(NettyTransport.newBuilder())) {
            dev.salvo.client.SalvoIOException e = Await.failure(http.send(Request.get(server.url("localhost", "/"))),
                    dev.salvo.client.SalvoIOException.class);
            boolean tls = false;
            for (Throwable t = e; t != null; t = t.getCause()) {
                tls |= t instanceof javax.net.ssl.SSLException;
            }
            assertTrue(tls, "keeps the TLS cause: " + e);
            List<Phase> phases = recorder.phasesOf(1);
            assertEquals(List.of(QUEUED, STARTED, DNS_START, DNS_END, CONNECT_START, CONNECT_END, TLS_START, TLS_END),
                    phases.subList(0, 8));
            assertEquals(Phase.FAILED, phases.get(phases.size() - 1));
            Await.until("slots freed", () -> http.inFlight() == 0 && http.queued() == 0);
        }
    }

    @Test
    void http2NumbersTheStreamsOfOneConnection() {
        try (H2Server server = new H2Server(100);
             Salvo http = client(NettyTransport.newBuilder().protocol(HttpVersion.HTTP_2))) {
            for (int i = 0; i < 3; i++) {
                Await.value(http.send(Request.post(server.url("/echo"), "text/plain", new byte[10])));
            }
            assertEquals(List.of(QUEUED, STARTED, CONNECT_START, CONNECT_END, CONNECTION_ACQUIRED, REQUEST_HEADERS_SENT,
                    REQUEST_BODY_SENT, RESPONSE_FIRST_BYTE, RESPONSE_HEADERS, RESPONSE_BODY_RECEIVED, COMPLETED), recorder.phasesOf(1));
            long firstStream = PhaseRecorder.first(recorder.of(1), CONNECTION_ACQUIRED).value();
            assertEquals(1, firstStream % 2, "a client's streams are odd: " + firstStream);
            for (int n = 1; n <= 3; n++) {
                CallEvent acquired = PhaseRecorder.first(recorder.of(n), CONNECTION_ACQUIRED);
                assertEquals(firstStream + 2 * (n - 1), acquired.value(), "the streams in the order they were opened");
                assertEquals(n == 1 ? "new" : "reused", acquired.detail());
                assertEquals(10, PhaseRecorder.first(recorder.of(n), REQUEST_BODY_SENT).value());
            }
            assertFalse(recorder.phasesOf(2).contains(CONNECT_START));
            assertEquals(1, server.connections.get());
        }
    }

    @Test
    void http2OverTlsReportsTheHandshakeToTheCallThatOpenedTheConnection() throws Exception {
        java.security.KeyStore keys = TlsServer.createKeyStore(directory.resolve("h2.p12"));
        javax.net.ssl.KeyManagerFactory keyManagers = javax.net.ssl.KeyManagerFactory.getInstance(
                javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, TlsServer.PASSWORD);
        javax.net.ssl.TrustManagerFactory trust = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keys);
        try (H2Server server = new H2Server(100, keyManagers);
             Salvo http = client(NettyTransport.newBuilder().protocol(HttpVersion.HTTP_2)
                     .trustManager((javax.net.ssl.X509TrustManager) trust.getTrustManagers()[0]))) {
            Await.value(http.send(Request.get(server.url("/get"))));
            Await.value(http.send(Request.get(server.url("/get"))));
            assertEquals(List.of(QUEUED, STARTED, DNS_START, DNS_END, CONNECT_START, CONNECT_END, TLS_START, TLS_END,
                    CONNECTION_ACQUIRED, REQUEST_HEADERS_SENT, RESPONSE_FIRST_BYTE, RESPONSE_HEADERS, RESPONSE_BODY_RECEIVED,
                    COMPLETED), recorder.phasesOf(1));
            assertEquals(REUSED_HTTP1, recorder.phasesOf(2), "the same phases as a reused HTTP/1.1 connection");
            assertEquals(PhaseRecorder.first(recorder.of(1), CONNECTION_ACQUIRED).value() + 2,
                    PhaseRecorder.first(recorder.of(2), CONNECTION_ACQUIRED).value(), "the next stream on the same connection");
        }
    }

    @Test
    void anExchangeNobodyListensToHearsNoPhases() throws Exception {
        try (LoopbackHttpServer server = new LoopbackHttpServer(); NettyTransport transport = NettyTransport.create()) {
            PhaseCounter deaf = new PhaseCounter(EnumSet.noneOf(Phase.class));
            PhaseCounter listening = new PhaseCounter(EnumSet.allOf(Phase.class));
            for (PhaseCounter exchange : List.of(deaf, listening, deaf)) {
                Await.value(transport.execute(Request.post(server.url("/echo"), "text/plain", new byte[5]), exchange));
            }
            assertEquals(List.of(), deaf.heard);
            assertEquals(List.of("CONNECTION_ACQUIRED reused", "REQUEST_HEADERS_SENT", "REQUEST_BODY_SENT 5", "RESPONSE_FIRST_BYTE"),
                    listening.heard);
        }
    }

    @Test
    void anExchangeHearsOnlyTheWritePhasesItListensToAndABodilessRequestNoBodyPhase() throws Exception {
        try (LoopbackHttpServer server = new LoopbackHttpServer(); NettyTransport transport = NettyTransport.create()) {
            PhaseCounter bodyOnly = new PhaseCounter(EnumSet.of(REQUEST_BODY_SENT));
            Await.value(transport.execute(Request.get(server.url("/get")), bodyOnly));
            assertEquals(List.of(), bodyOnly.heard, "a GET sends no body, and its headers were not asked for");
            Await.value(transport.execute(Request.post(server.url("/echo"), "text/plain", new byte[5]), bodyOnly));
            assertEquals(List.of("REQUEST_BODY_SENT 5"), bodyOnly.heard);
        }
    }

    private static void assertInTimeOrder(List<CallEvent> events) {
        for (int i = 1; i < events.size(); i++) {
            assertTrue(events.get(i - 1).nanoTime() <= events.get(i).nanoTime(), events.toString());
        }
    }

    /** An exchange that keeps the phases it is told of, and discards the body. */
    private static final class PhaseCounter implements Exchange {
        private final Set<Phase> listens;
        final List<String> heard = new CopyOnWriteArrayList<>();

        PhaseCounter(Set<Phase> listens) {
            this.listens = listens;
        }

        @Override
        public long requestId() {
            return 0;
        }

        @Override
        public boolean listensTo(CallEvent.Phase phase) {
            return listens.contains(phase);
        }

        @Override
        public void reached(Phase phase) {
            heard.add(phase.name());
        }

        @Override
        public void connectionAcquired(boolean reused, int streamId) {
            heard.add("CONNECTION_ACQUIRED " + (reused ? "reused" : "new"));
        }

        @Override
        public void requestBodySent(long bytes) {
            heard.add("REQUEST_BODY_SENT " + bytes);
        }

        @Override
        public Flow.Subscriber<List<ByteBuffer>> responseHeaders(int status, Headers headers) {
            return new Flow.Subscriber<>() {
                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    subscription.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(List<ByteBuffer> item) {
                }

                @Override
                public void onError(Throwable throwable) {
                }

                @Override
                public void onComplete() {
                }
            };
        }
    }
}
