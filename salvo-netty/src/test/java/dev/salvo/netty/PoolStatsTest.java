package dev.salvo.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.HttpVersion;
import dev.salvo.client.Origin;
import dev.salvo.client.PoolStats;
import dev.salvo.client.Request;
import dev.salvo.client.Response;
import dev.salvo.client.Salvo;
import dev.salvo.client.contract.Await;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The pools' snapshot ({@link NettyTransport#poolStats()}, {@link Salvo#poolStats()}) against what the server holds. */
class PoolStatsTest {

    @Test
    void http1CountsConnectionsInUseIdleAndCallsWaiting() throws Exception {
        try (LoopbackHttpServer server = new LoopbackHttpServer();
             Salvo http = Salvo.newBuilder().maxInFlight(10).maxPerHost(10)
                     .transport(NettyTransport.newBuilder().maxConnectionsPerHost(2).build()).build()) {
            assertEquals(List.of(), http.poolStats(), "no pool before the first call");
            List<CompletableFuture<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                calls.add(http.send(Request.get(server.url("/hold"))));
            }
            Await.until("two held at the server", () -> server.held() == 2);
            Origin origin = Origin.of(server.url("/"));
            Await.until("the third waits in the pool", () -> one(http).pending() == 1);
            assertEquals(new PoolStats(origin, HttpVersion.HTTP_1_1, 2, 0, 0, 2, 2, 1, 2), one(http));

            server.releaseHeld();
            calls.forEach(call -> assertEquals("held", Await.value(call).bodyString()));
            Await.until("both connections back in the pool", () -> one(http).idle() == 2);
            assertEquals(new PoolStats(origin, HttpVersion.HTTP_1_1, 2, 0, 2, 0, 0, 0, 2), one(http));
            assertEquals(2, server.connections());
        }
    }

    @Test
    void http2CountsStreamsOnAConnectionAndCallsWaitingForOne() {
        try (H2Server server = new H2Server(2);
             NettyTransport transport = NettyTransport.newBuilder().protocol(HttpVersion.HTTP_2).maxConnectionsPerHost(1).build()) {
            List<CompletableFuture<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                calls.add(transport.execute(Request.get(server.url("/stall?i=" + i))));
            }
            Await.until("two streams stalled at the server", () -> server.stalled.get() == 2);
            Await.until("the third waits for a stream", () -> one(transport).pending() == 1);
            assertEquals(new PoolStats(Origin.of(server.url("/")), HttpVersion.HTTP_2, 1, 0, 0, 1, 2, 1, 1), one(transport));

            calls.forEach(call -> call.cancel(true));
            Await.until("streams reset, the connection idle", () -> one(transport).idle() == 1 && one(transport).inFlight() == 0);
            assertEquals(0, one(transport).pending());
            assertEquals(1, server.connections.get());
        }
    }

    @Test
    void theJdkTransportReportsNoPools() throws Exception {
        try (LoopbackHttpServer server = new LoopbackHttpServer(); Salvo http = Salvo.create()) {
            assertEquals(200, Await.value(http.send(Request.get(server.url("/hello")))).status());
            assertEquals(List.of(), http.poolStats());
        }
    }

    @Test
    void aSnapshotWhoseCountsDisagreeIsRejected() {
        Origin origin = Origin.of("http://a");
        assertThrows(IllegalArgumentException.class, () -> new PoolStats(origin, HttpVersion.HTTP_1_1, 2, 0, 1, 0, 0, 0, 2));
        assertThrows(IllegalArgumentException.class, () -> new PoolStats(origin, HttpVersion.HTTP_1_1, 0, -1, 0, 0, 0, 0, 2));
        assertTrue(new PoolStats(origin, HttpVersion.HTTP_2, 1, 0, 0, 1, 7, 0, 1).inFlight() == 7);
    }

    private static PoolStats one(Salvo http) {
        List<PoolStats> stats = http.poolStats();
        assertEquals(1, stats.size(), stats.toString());
        return stats.get(0);
    }

    private static PoolStats one(NettyTransport transport) {
        List<PoolStats> stats = transport.poolStats();
        assertEquals(1, stats.size(), stats.toString());
        return stats.get(0);
    }
}
