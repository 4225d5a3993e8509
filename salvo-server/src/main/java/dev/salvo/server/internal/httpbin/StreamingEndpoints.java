package dev.salvo.server.internal.httpbin;

import dev.salvo.server.internal.http.Exchange;
import dev.salvo.server.internal.http.GeneratedBody;
import dev.salvo.server.internal.http.HttpError;
import dev.salvo.server.internal.http.JsonRenderer;
import dev.salvo.server.internal.http.ParamParser;
import dev.salvo.server.internal.http.Router;
import dev.salvo.server.internal.strategy.Work;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code /stream/{n}}: n JSON lines (n clamped to [1, 100]), chunked, each rendered when the client
 * has taken the previous ones; non-integer → 400.
 * {@code /drip?duration=&delay=&numbytes=&code=}: after {@code delay} (through the serving
 * strategy) sends {@code numbytes} asterisks spread evenly over {@code duration} on event-loop
 * timers, with an exact Content-Length. Defaults 2 s, 2 s, 10, 200; negative values, numbytes
 * outside [1, max-body], delay + duration over max-duration or a code outside [100, 599] → 400.
 */
final class StreamingEndpoints {
    private StreamingEndpoints() {
    }

    static void addTo(Router.Builder routes) {
        routes.get("/stream/{n}", StreamingEndpoints::stream);
        routes.get("/drip", StreamingEndpoints::drip);
    }

    private static void stream(Exchange ex) {
        long n = ParamParser.integer(ex.pathVariable("n"), "number of lines", Long.MIN_VALUE, Long.MAX_VALUE);
        int lines = (int) Math.max(1, Math.min(100, n));
        ex.stream(HttpResponseStatus.OK, "application/json", -1, GeneratedBody.of(lines, -1, id -> JsonRenderer.render(ex.alloc(), g -> {
            g.writeStartObject();
            g.writeNumberField("id", id);
            g.writeFieldName("args");
            RequestEcho.writeMultiMap(g, ex.queryParameters());
            g.writeFieldName("headers");
            RequestEcho.writeHeaders(g, ex);
            g.writeStringField("origin", ex.origin());
            g.writeStringField("url", ex.url());
            g.writeEndObject();
        }).writeByte('\n')));
    }

    private static final long MIN_WRITE_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final byte[] ASTERISKS = "*".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);

    private static void drip(Exchange ex) {
        Duration max = ex.config().maxDuration();
        Duration duration = ParamParser.duration(ex.param("duration").orElse("2"), "duration", max);
        Duration delay = ParamParser.duration(ex.param("delay").orElse("2"), "delay", max);
        if (duration.plus(delay).compareTo(max) > 0) {
            throw HttpError.badRequest("delay + duration is over the maximum duration of " + ParamParser.seconds(max) + " s");
        }
        int numbytes = (int) ParamParser.integer(ex.param("numbytes").orElse("10"), "numbytes", 1, ex.config().maxBody());
        int code = (int) ParamParser.integer(ex.param("code").orElse("200"), "code", 100, 599);
        ex.spend(Work.io(delay), () -> {
            ex.startStream(HttpResponseStatus.valueOf(code), "application/octet-stream", numbytes);
            long pause = numbytes > 1 ? duration.toNanos() / (numbytes - 1) : 0;
            // at most one write per millisecond: a fast drip sends several bytes at a time
            int perWrite = (int) Math.max(1, Math.min(Math.min(numbytes, ASTERISKS.length), MIN_WRITE_GAP_NANOS / Math.max(1, pause)));
            dripBytes(ex, numbytes, perWrite, pause * perWrite);
        });
    }

    /** Writes the next bytes only once the last write reached the socket: a reader that stops holds one write. */
    private static void dripBytes(Exchange ex, int left, int perWrite, long pauseNanos) {
        int now = Math.min(left, perWrite);
        ex.writeChunk(ex.alloc().buffer(now).writeBytes(ASTERISKS, 0, now)).addListener(f -> {
            if (!f.isSuccess()) {
                ex.abort();
            } else if (left == now) {
                ex.endStream();
            } else {
                ex.eventLoop().schedule(() -> dripBytes(ex, left - now, perWrite, pauseNanos), pauseNanos,
                        TimeUnit.NANOSECONDS);
            }
        });
    }
}
