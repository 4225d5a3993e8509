package dev.salvo.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.contract.Await;
import dev.salvo.client.contract.ScriptedServer;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Faults the JDK transport meets on the wire, classified by what they are, not by message text. */
class JdkTransportFaultsTest {

    @Test
    void aBadChunkSizeIsAMalformedResponse() throws Exception {
        try (ScriptedServer bad = ScriptedServer.replying("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\n", false);
             Salvo http = Salvo.create()) {
            MalformedResponseException e = Await.failure(http.send(Request.get(bad.url("/"))),
                    MalformedResponseException.class);
            assertTrue(e.getMessage().contains("malformed"), e.getMessage());
        }
    }

    @Test
    void aNonNumericContentLengthIsAMalformedResponseNotMisuse() throws Exception {
        try (ScriptedServer bad = ScriptedServer.replying("HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n", false);
             Salvo http = Salvo.create()) {
            Await.failure(http.send(Request.get(bad.url("/"))), MalformedResponseException.class);
        }
    }

    @Test
    void aChunkedBodyCutShortIsAClosedConnection() throws Exception {
        try (ScriptedServer cut = ScriptedServer.replying("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nabc", false);
             Salvo http = Salvo.create()) {
            Await.failure(http.send(Request.get(cut.url("/"))), ConnectionClosedException.class);
        }
    }

    @Test
    void aGarbageStatusLineIsAMalformedResponse() throws Exception {
        try (ScriptedServer bad = ScriptedServer.replying("HTTX/9 what\r\n\r\n", false); Salvo http = Salvo.create()) {
            Await.failure(http.send(Request.get(bad.url("/"))), MalformedResponseException.class);
        }
    }

    /**
     * The JDK HttpClient sends an idempotent request once more by itself when the connection
     * closes before any response; Salvo cannot turn that off (no per-client switch), so it is
     * documented, and this pins the count: two sends per attempt, never more.
     */
    @Test
    void theJdkResendsAnIdempotentRequestOncePerAttemptOnADeadConnection() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        try (ScriptedServer dead = new ScriptedServer(socket -> {
            ScriptedServer.readHead(socket.getInputStream());
            requests.incrementAndGet(); // read the request, close without a word
        }); Salvo once = Salvo.create()) {
            Await.failure(once.send(Request.get(dead.url("/a"))), ConnectionClosedException.class);
            int perAttempt = requests.get();
            assertTrue(perAttempt == 1 || perAttempt == 2, "sent " + perAttempt + " times");
            try (Salvo thrice = Salvo.newBuilder().retryPolicy(RetryPolicy.newBuilder().maxAttempts(3)
                    .backoff(java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(5)).build()).build()) {
                Await.failure(thrice.send(Request.get(dead.url("/b"))), ConnectionClosedException.class);
            }
            assertEquals(perAttempt * 4, requests.get(), "one attempt, then three, each sent " + perAttempt + " times");
        }
    }
}
