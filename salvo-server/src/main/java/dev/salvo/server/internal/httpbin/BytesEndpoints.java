package dev.salvo.server.internal.httpbin;

import dev.salvo.server.internal.http.Exchange;
import dev.salvo.server.internal.http.ParamParser;
import dev.salvo.server.internal.http.Router;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code /bytes/{n}} (exact Content-Length) and {@code /stream-bytes/{n}} (chunked, {@code chunk_size}):
 * n random bytes, repeatable with {@code seed}. Negative, non-integer or over max-body → 400.
 */
final class BytesEndpoints {
    private static final String OCTETS = "application/octet-stream";

    private BytesEndpoints() {
    }

    static void addTo(Router.Builder routes) {
        routes.get("/bytes/{n}", ex -> {
            int n = size(ex);
            ex.reply(HttpResponseStatus.OK, OCTETS, randomBytes(ex, random(ex), n));
        });
        routes.get("/stream-bytes/{n}", BytesEndpoints::stream);
    }

    private static void stream(Exchange ex) {
        int n = size(ex);
        int chunk = (int) ParamParser.integer(ex.param("chunk_size").orElse(Integer.toString(Math.min(10_240, ex.config().maxBody()))), "chunk_size", 1, ex.config().maxBody());
        Random random = random(ex);
        ex.startStream(HttpResponseStatus.OK, OCTETS, -1);
        for (int sent = 0; sent < n; sent += chunk) {
            ex.writeChunk(randomBytes(ex, random, Math.min(chunk, n - sent)));
        }
        ex.endStream();
    }

    private static int size(Exchange ex) {
        return (int) ParamParser.integer(ex.pathVariable("n"), "number of bytes", 0, ex.config().maxBody());
    }

    private static Random random(Exchange ex) {
        return ex.param("seed").map(s -> new Random(ParamParser.integer(s, "seed", Long.MIN_VALUE, Long.MAX_VALUE)))
                .orElseGet(() -> new Random(ThreadLocalRandom.current().nextLong()));
    }

    private static ByteBuf randomBytes(Exchange ex, Random random, int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return ex.alloc().buffer(n).writeBytes(bytes);
    }
}
