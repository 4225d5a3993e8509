package dev.salvo.server;

import static dev.salvo.server.H2Wire.DATA;
import static dev.salvo.server.H2Wire.HEADERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Many streams of one h2c connection whose replies are sent from timers ({@code /delay}), so
 * outside the connection's read and close together: every reply comes whole and in HPACK order
 * (each header block decodes with the one decoder of the connection, in arrival order), on its own
 * stream, with its own request's echo. (An earlier attempt to batch the server's h2 flushes broke
 * exactly this.)
 */
class Http2TimerRepliesTest {
    private static final int STREAMS = 300;
    private static SalvoServer server;

    @BeforeAll
    static void start() {
        server = SalvoServer.start(ServerConfig.newBuilder().build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void repliesFromTimersOnManyStreamsArriveWholeAndOnTheirOwnStreams() throws IOException {
        try (H2Wire wire = H2Wire.open(server)) {
            wire.windowUpdate(0, 64 << 20); // the connection's window holds every reply at once
            for (int i = 0; i < STREAMS; i++) {
                wire.headers(1 + 2 * i, "GET", "/delay/0.2?n=" + i, true, Map.of("x-stream-index", Integer.toString(i)));
            }
            wire.flush();
            Map<Integer, StringBuilder> bodies = new HashMap<>();
            int statusesOk = 0, ended = 0;
            while (ended < STREAMS) {
                H2Wire.Frame f = wire.until(frame -> frame.type() == HEADERS || frame.type() == DATA);
                assertNotNull(f, "the connection ended after " + ended + " replies");
                if (f.type() == HEADERS) {
                    assertEquals(200, f.status(), "stream " + f.stream());
                    statusesOk++;
                } else {
                    bodies.computeIfAbsent(f.stream(), s -> new StringBuilder()).append(new String(f.payload(), StandardCharsets.UTF_8));
                }
                if (f.endsStream()) {
                    ended++;
                }
            }
            assertEquals(STREAMS, statusesOk);
            assertEquals(STREAMS, bodies.size());
            for (int i = 0; i < STREAMS; i++) {
                String body = bodies.get(1 + 2 * i).toString();
                assertTrue(body.contains("\"n\":\"" + i + "\"") || body.contains("\"n\": \"" + i + "\""), body);
            }
        }
    }
}
