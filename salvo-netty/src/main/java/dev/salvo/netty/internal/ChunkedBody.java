package dev.salvo.netty.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.stream.ChunkedInput;
import io.netty.handler.stream.ChunkedStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A streamed request body for Netty's {@code ChunkedWriteHandler}: read in 64 KiB pieces only as the
 * connection can take them (so a large file never sits in memory). With a known length the bytes go
 * as they are; with an unknown length each piece is framed as an HTTP/1.1 chunk and a last chunk ends
 * the body. The stream is read on the event loop: fine for files, and for streams that do not block.
 */
final class ChunkedBody implements ChunkedInput<ByteBuf> {
    private static final int PIECE_BYTES = 64 * 1024;
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final ChunkedStream stream;
    private final boolean framed;
    private boolean lastChunkSent;

    ChunkedBody(InputStream in, boolean framed) {
        this.stream = new ChunkedStream(in, PIECE_BYTES);
        this.framed = framed;
    }

    @Override
    public boolean isEndOfInput() throws Exception {
        return framed ? lastChunkSent : stream.isEndOfInput();
    }

    @Override
    public void close() throws Exception {
        stream.close();
    }

    @Override
    @Deprecated
    public ByteBuf readChunk(ChannelHandlerContext ctx) throws Exception {
        return readChunk(ctx.alloc());
    }

    @Override
    public ByteBuf readChunk(ByteBufAllocator allocator) throws Exception {
        if (!framed) {
            return stream.readChunk(allocator);
        }
        if (lastChunkSent) {
            return null;
        }
        ByteBuf data = stream.isEndOfInput() ? null : stream.readChunk(allocator);
        if (data == null) {
            if (!stream.isEndOfInput()) {
                return null; // nothing available yet
            }
            lastChunkSent = true;
            return Unpooled.wrappedBuffer(LAST_CHUNK);
        }
        ByteBuf size = Unpooled.copiedBuffer(Integer.toHexString(data.readableBytes()) + "\r\n", StandardCharsets.US_ASCII);
        return Unpooled.wrappedBuffer(size, data, Unpooled.wrappedBuffer(CRLF));
    }

    @Override
    public long length() {
        return -1;
    }

    @Override
    public long progress() {
        return stream.transferredBytes();
    }
}
