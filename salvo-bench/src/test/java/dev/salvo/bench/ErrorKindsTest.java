package dev.salvo.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.Request;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ErrorKindsTest extends LoadFixture {

    @Test
    void refusedConnectionsAreConnectErrors() throws Exception {
        BenchResult result = run(BenchConfig.builder(Request.get("http://127.0.0.1:" + closedPort() + "/"))
                .connections(4).requests(50).build());

        assertEquals(50, result.requests());
        assertEquals(50, result.errorCount(ErrorKind.CONNECT), result.errors().toString());
        assertEquals(0, result.responses());
        assertFalse(result.errors().get(ErrorKind.CONNECT).messages().isEmpty());
    }

    @Test
    void aStalledServerTimesOutEachRequest() throws Exception {
        long start = System.nanoTime();
        BenchResult result = run(config("/fault/stall").connections(4).requests(8).timeout(Duration.ofMillis(300)).build());
        double took = (System.nanoTime() - start) / 1e9;

        assertEquals(8, result.errorCount(ErrorKind.TIMEOUT), result.errors().toString());
        assertEquals(8, result.requests());
        assertTrue(took < 3, "two rounds of 300 ms timeouts took " + took + " s");
        assertEquals(1, result.errors().get(ErrorKind.TIMEOUT).messages().size());
        assertTrue(result.errors().get(ErrorKind.TIMEOUT).messages().containsKey("no response within 300ms"),
                result.errors().toString());
    }

    @Test
    void aGarbageReplyIsAProtocolError() throws Exception {
        BenchResult result = run(config("/fault/garbage").connections(2).requests(10).build());

        assertEquals(10, result.errorCount(ErrorKind.PROTOCOL), result.errors().toString());
        assertEquals(10, result.requests());
    }

    @Test
    void aConnectionClosedMidBodyIsAReset() throws Exception {
        BenchResult result = run(config("/fault/close-mid-body").connections(2).requests(10).build());

        assertEquals(10, result.errorCount(ErrorKind.RESET), result.errors().toString());
    }

    @Test
    void aTimedRunAgainstADeadPortEndsOnTime() throws Exception {
        long start = System.nanoTime();
        BenchResult result = run(BenchConfig.builder(Request.get("http://127.0.0.1:" + closedPort() + "/"))
                .connections(8).duration(Duration.ofSeconds(1)).warmup(Duration.ZERO).build());
        double took = (System.nanoTime() - start) / 1e9;

        assertTrue(took < 2, "took " + took + " s");
        assertTrue(result.errorCount(ErrorKind.CONNECT) > 0);
        assertEquals(result.requests(), result.errorCount());
        assertTrue(TextReport.render(result).contains("connect: "), TextReport.render(result));
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
