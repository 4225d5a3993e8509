package dev.salvo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Framing the server must refuse (RFC 9112 §6.1, §6.3, §7.1, §3.2): a 400 JSON error, the
 * connection closed, and no smuggled second request served. Plus the small rules: one Host,
 * no lone 1xx, JSON bodies on the Expect refusals. Raw sockets throughout.
 */
class RequestFramingTest {
    static SalvoServer server;

    @BeforeAll
    static void start() {
        server = SalvoServer.start(ServerConfig.newBuilder().maxBody(4096).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Sends {@code request} followed by a smuggled GET; asserts one 4xx JSON reply, then the close. */
    static TestHttp.Reply refusedAndClosed(String request, int status) {
        String wire = TestHttp.raw(server, request + "GET /get?smuggled=1 HTTP/1.1\r\nHost: x\r\n\r\n");
        List<TestHttp.Reply> replies = TestHttp.replies(wire);
        assertEquals(1, replies.size(), () -> "one reply, then the close: " + wire);
        TestHttp.Reply reply = replies.getFirst();
        assertEquals(status, reply.status(), wire);
        assertTrue(reply.body().contains("\"status_code\":" + status), wire);
        assertEquals(List.of("close"), reply.header("Connection"), wire);
        return reply;
    }

    @ParameterizedTest
    @ValueSource(strings = {"xchunked", "gzip", "chunked, chunked", "identity", "gzip, chunked", "chunked;q=1", "\"chunked\""})
    void transferEncodingOtherThanExactlyChunkedIs400(String coding) {
        refusedAndClosed("POST /post HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: " + coding + "\r\nContent-Length: 5\r\n\r\nhello", 400);
        refusedAndClosed("POST /post HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: " + coding + "\r\n\r\n5\r\nhello\r\n0\r\n\r\n", 400);
    }

    @Test
    void chunkedOnTwoLinesEndingInAnotherCodingIs400() {
        refusedAndClosed("POST /post HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n\r\n"
                + "5\r\nhello\r\n0\r\n\r\n", 400);
        refusedAndClosed("POST /post HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n"
                + "5\r\nhello\r\n0\r\n\r\n", 400);
        refusedAndClosed("POST /post HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 2", "5 zz", " 5", "5\t", "0x5", "5;", "-5", "+5", "5 ;a=b ;", "ffffffffff"})
    void badChunkSizeLinesAre400(String line) {
        refusedAndClosed("POST /post HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + line + "\r\nhello\r\n0\r\n\r\n", 400);
    }

    @Test
    void chunkExtensionsAreCappedPerChunkAndPerRequest() {
        String head = "POST /post HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
        TestHttp.Reply perChunk = refusedAndClosed(head + "1;a=" + "b".repeat(5000) + "\r\nx\r\n0\r\n\r\n", 400);
        assertTrue(perChunk.body().contains("in one chunk"), perChunk::toString);
        TestHttp.Reply perRequest = refusedAndClosed(head + ("1;a=" + "b".repeat(3000) + "\r\nx\r\n").repeat(30) + "0\r\n\r\n", 400);
        assertTrue(perRequest.body().contains("in one request"), perRequest::toString);
    }

    @Test
    void wellFormedChunkedBodiesStillWork() {
        String wire = TestHttp.raw(server, "POST /post HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: Chunked\r\n\r\n"
                + "3;name=value;x\r\nabc\r\n2 ; y=\"q\"\r\nde\r\n0\r\nX-Trailer: t\r\n\r\n"
                + "GET /get HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        List<TestHttp.Reply> replies = TestHttp.replies(wire);
        assertEquals(2, replies.size(), wire);
        assertTrue(replies.getFirst().body().contains("\"data\":\"abcde\""), wire);
        assertEquals(200, replies.get(1).status(), wire);
    }

    @Test
    void http11NeedsExactlyOneHost() {
        assertTrue(refusedAndClosed("GET /get HTTP/1.1\r\n\r\n", 400).body().contains("Host"));
        refusedAndClosed("GET /get HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400);
        String http10 = TestHttp.raw(server, "GET /get HTTP/1.0\r\n\r\n");
        assertTrue(http10.startsWith("HTTP/1.1 200 "), http10);
    }

    @Test
    void informationalStatusesAre400() {
        for (String code : List.of("100", "101", "103", "199", "100,200")) {
            String wire = TestHttp.raw(server, "GET /status/" + code + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            TestHttp.Reply reply = TestHttp.replies(wire).getFirst();
            if (code.contains(",")) {
                assertTrue(reply.status() == 200 || reply.status() == 400, wire);
            } else {
                assertEquals(400, reply.status(), wire);
                assertTrue(reply.body().contains("informational"), wire);
            }
        }
    }

    @Test
    void expectRefusalsCarryTheJsonError() {
        TestHttp.Reply tooLarge = refusedAndClosed("POST /post HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5000\r\n\r\n", 413);
        assertTrue(tooLarge.body().contains("4096"), tooLarge::toString);
        TestHttp.Reply unknown = refusedAndClosed("POST /post HTTP/1.1\r\nHost: x\r\nExpect: teapot\r\nContent-Length: 5\r\n\r\nhello", 417);
        assertTrue(unknown.body().contains("teapot"), unknown::toString);
    }
}
