package dev.salvo.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** {@link BodyHandler#ofBytes}: the pieces a transport hands over become one array, within the limit. */
class BufferingSubscriberTest {

    /** Feeds {@code pieces} (each a buffer the subscriber owns) to a subscriber for {@code headers}; cancelled says whether it gave up. */
    private static CompletableFuture<byte[]> feed(long max, Headers headers, AtomicBoolean cancelled, byte[]... pieces) {
        BodySubscriber<byte[]> subscriber = BodyHandler.ofBytes(max).apply(200, headers);
        subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
            }

            @Override
            public void cancel() {
                cancelled.set(true);
            }
        });
        for (byte[] piece : pieces) {
            subscriber.onNext(List.of(ByteBuffer.wrap(piece)));
        }
        if (!cancelled.get()) {
            subscriber.onComplete();
        }
        return subscriber.body().toCompletableFuture();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aBodyOfUnknownLengthInOnePieceIsTakenAsItIs() throws Exception {
        byte[] piece = ascii("{\"ok\":true}");
        byte[] body = feed(1024, Headers.of("Transfer-Encoding", "chunked"), new AtomicBoolean(), piece).get();
        assertSame(piece, body, "one owned piece of a body of unknown length needs no copy (nor an 8 KiB array)");
    }

    @Test
    void piecesOfUnknownLengthAreJoinedInOrder() throws Exception {
        byte[] body = feed(1 << 20, Headers.empty(), new AtomicBoolean(),
                ascii("first "), new byte[10_000], ascii(" last")).get();
        assertEquals(6 + 10_000 + 5, body.length);
        assertArrayEquals(ascii("first "), Arrays.copyOf(body, 6));
        assertArrayEquals(ascii(" last"), Arrays.copyOfRange(body, 10_006, 10_011));
    }

    @Test
    void anAnnouncedLengthGetsItsArrayAndTheBodyComesWhole() throws Exception {
        byte[] body = feed(1024, Headers.of("Content-Length", "11"), new AtomicBoolean(),
                ascii("hello"), ascii(" world")).get();
        assertArrayEquals(ascii("hello world"), body);
    }

    @Test
    void piecesOfUnknownLengthPastTheLimitFailTypedAndCancel() {
        AtomicBoolean cancelled = new AtomicBoolean();
        CompletableFuture<byte[]> body = feed(8, Headers.empty(), cancelled, ascii("12345"), ascii("6789"));
        ExecutionException failure = assertThrows(ExecutionException.class, body::get);
        assertInstanceOf(ResponseTooLargeException.class, failure.getCause());
        assertTrue(cancelled.get(), "the exchange is aborted, not read to the end");
    }

    @Test
    void aFirstPieceOfUnknownLengthOverTheLimitIsNotTaken() {
        AtomicBoolean cancelled = new AtomicBoolean();
        CompletableFuture<byte[]> body = feed(4, Headers.empty(), cancelled, ascii("12345"));
        ExecutionException failure = assertThrows(ExecutionException.class, body::get);
        assertInstanceOf(ResponseTooLargeException.class, failure.getCause());
        assertTrue(cancelled.get());
    }
}
