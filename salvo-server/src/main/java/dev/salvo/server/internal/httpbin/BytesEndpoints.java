package dev.salvo.server.internal.httpbin;

import dev.salvo.server.internal.http.Exchange;
import dev.salvo.server.internal.http.GeneratedBody;
import dev.salvo.server.internal.http.ParamParser;
import dev.salvo.server.internal.http.Router;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code /bytes/{n}} (exact Content-Length) and {@code /stream-bytes/{n}} (chunked, {@code chunk_size}):
 * n random bytes, repeatable with {@code seed}, n up to max-stream. A {@code /bytes} body of at
 * most one piece (8 KiB) is made at its size and sent whole; longer ones, and every {@code /stream-bytes}
 * body, are produced piece by piece as the client reads (see {@link GeneratedBody}; {@code chunk_size} is clamped into its piece
 * range). Negative, non-integer, n over max-stream or chunk_size outside [1, max-body] → 400.
 */
final class BytesEndpoints {
    private static final String OCTETS = "application/octet-stream";

    private BytesEndpoints() {
    }

    static void addTo(Router.Builder routes) {
        routes.get("/bytes/{n}", ex -> {
            long n = size(ex);
            if (n <= GeneratedBody.MIN_PIECE) {
                // one piece: made at its own size and sent whole, the same bytes as the first piece of a stream
                byte[] bytes = new byte[(int) n];
                random(ex).nextBytes(bytes);
                ex.reply(HttpResponseStatus.OK, OCTETS, ex.alloc().buffer(bytes.length).writeBytes(bytes));
                return;
            }
            ex.stream(HttpResponseStatus.OK, OCTETS, n, randomBytes(ex, n, GeneratedBody.MAX_PIECE));
        });
        routes.get("/stream-bytes/{n}", ex -> {
            long n = size(ex);
            int chunk = (int) ParamParser.integer(ex.param("chunk_size").orElse(Integer.toString(Math.min(10_240, ex.config().maxBody()))), "chunk_size", 1, ex.config().maxBody());
            ex.stream(HttpResponseStatus.OK, OCTETS, -1, randomBytes(ex, n, chunk));
        });
    }

    private static long size(Exchange ex) {
        return ParamParser.integer(ex.pathVariable("n"), "number of bytes", 0, ex.config().maxStream());
    }

    private static GeneratedBody randomBytes(Exchange ex, long n, int chunk) {
        Random random = random(ex);
        byte[] scratch = new byte[Math.clamp(chunk, GeneratedBody.MIN_PIECE, GeneratedBody.MAX_PIECE)];
        return GeneratedBody.ofBytes(n, chunk, size -> {
            random.nextBytes(scratch);
            return ex.alloc().buffer(size).writeBytes(scratch, 0, size);
        });
    }

    /** The request's generator: seeded by {@code seed} when given (the same bytes each time), else at random. */
    private static Random random(Exchange ex) {
        return ex.param("seed").map(s -> new Random(ParamParser.integer(s, "seed", Long.MIN_VALUE, Long.MAX_VALUE)))
                .orElseGet(() -> new Random(ThreadLocalRandom.current().nextLong()));
    }
}
