package dev.salvo.netty.internal;

import dev.salvo.client.RequestBody;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelPromise;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Sends a streamed request body (a file, an {@link InputStream}, multipart parts) after its head, on a
 * virtual thread of its own, so a read that blocks never holds the event loop and the other
 * connections on it. Reads pieces of up to 64 KiB as they come, frames each as an HTTP/1.1 chunk when
 * the length is unknown (then the last chunk), and writes them; while the connection is not writable
 * it waits for the previous piece to leave, so at most two pieces are queued whatever the body's size
 * or the peer's pace. The stream is opened and closed on that thread. The outcome is reported once:
 * from the last write's listener on the event loop when there was one, else from that thread.
 */
final class BodyUpload implements Runnable {
    private static final int PIECE_BYTES = 64 * 1024;
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Channel channel;
    private final RequestBody body;
    private final LongConsumer sent;
    private final Consumer<Throwable> failed;

    private BodyUpload(Channel channel, RequestBody body, LongConsumer sent, Consumer<Throwable> failed) {
        this.channel = channel;
        this.body = body;
        this.sent = sent;
        this.failed = failed;
    }

    /**
     * Starts sending {@code body} on {@code channel}; then gives {@code sent} the content bytes written
     * (without chunk framing), or {@code failed} why not. Any thread.
     */
    static void start(Channel channel, RequestBody body, LongConsumer sent, Consumer<Throwable> failed) {
        Thread.ofVirtual().name("salvo-upload-" + channel.id().asShortText()).start(new BodyUpload(channel, body, sent, failed));
    }

    @Override
    public void run() {
        boolean framed = body.length() < 0;
        try (InputStream in = body.openStream()) {
            ChannelFuture previous = null;
            long total = 0;
            while (true) {
                ByteBuf piece = channel.alloc().ioBuffer(PIECE_BYTES);
                int n;
                try {
                    n = piece.writeBytes(in, PIECE_BYTES); // what one read gives: a slow stream's bytes go as they come
                } catch (Throwable e) {
                    piece.release();
                    throw e;
                }
                if (n < 0) {
                    piece.release();
                    break;
                }
                total += n;
                ChannelFuture written = channel.writeAndFlush(framed ? chunk(piece) : piece);
                if (!channel.isWritable()) {
                    await(previous != null ? previous : written);
                }
                failFast(previous);
                previous = written;
            }
            // the last write (the closing chunk, or an empty one after the content) reports the body sent;
            // its listener is on the promise before the write is handed over, so it runs on the event loop
            // when the write is done, before the response to it can be read (a listener added after the
            // write could run here, on this thread, racing the response)
            long bytes = total;
            ChannelPromise last = channel.newPromise();
            last.addListener(done -> {
                if (done.isSuccess()) {
                    sent.accept(bytes);
                } else {
                    failed.accept(done.cause());
                }
            });
            channel.writeAndFlush(framed ? Unpooled.wrappedBuffer(LAST_CHUNK) : Unpooled.EMPTY_BUFFER, last);
        } catch (Throwable e) {
            failed.accept(e);
        }
    }

    private static ByteBuf chunk(ByteBuf data) {
        ByteBuf size = Unpooled.copiedBuffer(Integer.toHexString(data.readableBytes()) + "\r\n", StandardCharsets.US_ASCII);
        return Unpooled.wrappedBuffer(size, data, Unpooled.wrappedBuffer(CRLF));
    }

    /** Waits (parking the virtual thread, never pinning it) until {@code write} is done; throws its failure. */
    private static void await(ChannelFuture write) throws Throwable {
        if (!write.isDone()) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            write.addListener(finished -> done.complete(null));
            done.join();
        }
        failFast(write);
    }

    /** Throws the failure of a write that is done and failed (the connection closed, the call was aborted). */
    private static void failFast(ChannelFuture write) throws Throwable {
        if (write != null && write.isDone() && !write.isSuccess()) {
            throw write.cause();
        }
    }
}
