package dev.salvo.server.internal.fault;

import dev.salvo.server.internal.http.Exchange;
import dev.salvo.server.internal.http.ParamParser;
import dev.salvo.server.internal.http.Router;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Endpoints that misbehave on purpose, any method:
 * <ul>
 *   <li>{@code /fault/close-mid-body}: headers announce {@code Content-Length: 1000}, 10 bytes
 *       follow, then the connection closes.</li>
 *   <li>{@code /fault/garbage}: a garbage status line instead of HTTP (on h2: instead of a frame,
 *       breaking the connection), then close.</li>
 *   <li>{@code /fault/close}: the connection closes with no answer (on h2: no GOAWAY, every stream cut).</li>
 *   <li>{@code /fault/reset?code=N}: on h2 {@code RST_STREAM} for this stream only (code N, default
 *       {@code INTERNAL_ERROR}); on HTTP/1.1 a TCP reset of the connection.</li>
 *   <li>{@code /fault/stall}: never answers; the connection (on h2: the stream) stays open until
 *       the client gives up or the server's idle timeout closes the connection.</li>
 *   <li>{@code /fault/stall-once/{ms}?key=K}: the first request for key K (default {@code ""})
 *       after start opens a pause of ms milliseconds; every request to this endpoint with that key
 *       arriving during the pause is answered when it ends, all others at once ({@code 200}
 *       {@code {"stalled_ms": …}}). Models a one-off server freeze for coordinated-omission tests.</li>
 * </ul>
 * Waiting here is a timer on the event loop whatever the strategy: faults are not work.
 */
public final class FaultEndpoints {
    private final ConcurrentMap<String, Long> pauseEnds = new ConcurrentHashMap<>();

    public void addTo(Router.Builder routes) {
        routes.any("/fault/close-mid-body", FaultEndpoints::closeMidBody);
        routes.any("/fault/garbage", ConnectionFaults::garbage);
        routes.any("/fault/close", ConnectionFaults::close);
        routes.any("/fault/reset", ConnectionFaults::reset);
        routes.any("/fault/stall", Exchange::abandon);
        routes.any("/fault/stall-once/{ms}", this::stallOnce);
    }

    private static void closeMidBody(Exchange ex) {
        ex.startStream(HttpResponseStatus.OK, "text/plain", 1000);
        ex.writeChunk(ex.alloc().buffer(10).writeBytes("0123456789".getBytes(StandardCharsets.US_ASCII)))
                .addListener(f -> ex.abort());
    }

    private void stallOnce(Exchange ex) {
        long ms = ParamParser.integer(ex.pathVariable("ms"), "pause in ms", 0, ex.config().maxDuration().toMillis());
        String key = ex.param("key").orElse("");
        long now = System.nanoTime();
        long end = pauseEnds.computeIfAbsent(key, k -> now + Duration.ofMillis(ms).toNanos());
        long wait = end - now;
        if (wait <= 0) {
            answer(ex, 0);
        } else {
            ex.eventLoop().schedule(() -> answer(ex, wait / 1_000_000), wait, TimeUnit.NANOSECONDS);
        }
    }

    private static void answer(Exchange ex, long stalledMs) {
        ex.replyJson(HttpResponseStatus.OK, g -> {
            g.writeStartObject();
            g.writeNumberField("stalled_ms", stalledMs);
            g.writeEndObject();
        });
    }
}
