package dev.salvo.server.internal.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.stream.ChunkedInput;
import java.util.function.IntFunction;

/**
 * A reply body made of {@code pieces} pieces, each produced only when Netty's
 * {@link io.netty.handler.stream.ChunkedWriteHandler} asks for it (that is, while the connection is
 * writable), so nothing is produced ahead of the client. Confined to its connection's event loop.
 */
public final class GeneratedBody implements ChunkedInput<ByteBuf> {
    /** Pieces are at least this large: tiny ones are coalesced, as one write per byte would cost a syscall each. */
    public static final int MIN_PIECE = 8 * 1024;
    /** Pieces are at most this large, so one connection never holds a large buffer. */
    public static final int MAX_PIECE = 64 * 1024;

    private final int pieces;
    private final long length;
    private final IntFunction<ByteBuf> piece;
    private int produced;
    private long bytes;

    private GeneratedBody(int pieces, long length, IntFunction<ByteBuf> piece) {
        this.pieces = pieces;
        this.length = length;
        this.piece = piece;
    }

    /**
     * A body of {@code pieces} pieces, piece {@code i} made by {@code piece.apply(i)} in order;
     * {@code length} is the total in bytes, or -1 when unknown.
     */
    public static GeneratedBody of(int pieces, long length, IntFunction<ByteBuf> piece) {
        return new GeneratedBody(pieces, length, piece);
    }

    /**
     * {@code length} bytes in pieces of {@code requested} bytes clamped to
     * [{@value #MIN_PIECE}, {@value #MAX_PIECE}]; {@code fill.apply(n)} makes a piece of n bytes.
     */
    public static GeneratedBody ofBytes(long length, int requested, IntFunction<ByteBuf> fill) {
        int size = Math.clamp(requested, MIN_PIECE, MAX_PIECE);
        int count = (int) ((length + size - 1) / size);
        return new GeneratedBody(count, length, i -> fill.apply((int) Math.min(size, length - (long) i * size)));
    }

    @Override
    public boolean isEndOfInput() {
        return produced >= pieces;
    }

    @Override
    public void close() {
        produced = pieces;
    }

    @Deprecated
    @Override
    public ByteBuf readChunk(ChannelHandlerContext ctx) {
        return readChunk(ctx.alloc());
    }

    @Override
    public ByteBuf readChunk(ByteBufAllocator allocator) {
        if (isEndOfInput()) {
            return null;
        }
        ByteBuf next = piece.apply(produced++);
        bytes += next.readableBytes();
        return next;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public long progress() {
        return bytes;
    }
}
