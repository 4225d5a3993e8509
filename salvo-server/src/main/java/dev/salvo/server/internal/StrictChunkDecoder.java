package dev.salvo.server.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.InvalidChunkExtensionException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Netty's request decoder plus what it lets through in chunked bodies (RFC 9112 §7.1): a chunk
 * size must be hex digits right up to the optional extensions or the CRLF (Netty stops at the
 * first space, so {@code 1 2} or {@code 3 zz} pass), and chunk extensions are capped at
 * {@value #MAX_EXTENSIONS_PER_CHUNK} bytes per chunk and {@value #MAX_EXTENSIONS_PER_REQUEST} per
 * request. It re-reads the bytes Netty consumed for a chunked body (skipping chunk data in bulk); a
 * violation ends the body with a failed last part (400 downstream) and drops the rest of the
 * connection's input. Reports each request's method to {@code methods} (for HEAD replies).
 * Confined to its connection's event loop.
 */
final class StrictChunkDecoder extends HttpRequestDecoder {
    static final int MAX_EXTENSIONS_PER_CHUNK = 4 * 1024;
    static final int MAX_EXTENSIONS_PER_REQUEST = 64 * 1024;

    private enum Phase { SIZE, SIZE_SPACE, EXTENSION, SIZE_LF, DATA, DATA_CR, DATA_LF, TRAILERS }

    private final Consumer<HttpMethod> methods;
    private boolean inChunkedBody;
    private boolean failed;
    private Phase phase;
    private long remaining;
    private int digits;
    private int extensionBytes;
    /** After a ';' and before any byte of the extension's name. */
    private boolean nameMissing;
    private long requestExtensionBytes;

    StrictChunkDecoder(HttpDecoderConfig config, Consumer<HttpMethod> methods) {
        super(config);
        this.methods = methods;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        int from = in.readerIndex();
        int before = out.size();
        super.decode(ctx, in, out);
        if (inChunkedBody && !anyFailed(out, before)) {
            String problem = scan(in, from, in.readerIndex());
            if (problem != null) {
                failed = true;
                inChunkedBody = false;
                in.skipBytes(in.readableBytes());
                LastHttpContent bad = new DefaultLastHttpContent(Unpooled.EMPTY_BUFFER);
                bad.setDecoderResult(DecoderResult.failure(new InvalidChunkExtensionException(problem)));
                out.add(bad);
                return;
            }
        }
        for (int i = before; i < out.size(); i++) {
            Object o = out.get(i);
            if (o instanceof HttpRequest req) {
                methods.accept(req.method());
                if (req.decoderResult().isSuccess() && HttpUtil.isTransferEncodingChunked(req)) {
                    startBody();
                }
            }
            if (o instanceof LastHttpContent) {
                inChunkedBody = false;
            }
        }
    }

    private static boolean anyFailed(List<Object> out, int from) {
        for (int i = from; i < out.size(); i++) {
            if (out.get(i) instanceof HttpObject o && o.decoderResult().isFailure()) {
                return true;
            }
        }
        return false;
    }

    private void startBody() {
        inChunkedBody = true;
        requestExtensionBytes = 0;
        startChunkLine();
    }

    private void startChunkLine() {
        phase = Phase.SIZE;
        digits = 0;
        remaining = 0;
        extensionBytes = 0;
    }

    /** Follows the chunked framing over {@code [from, to)}; what is wrong, or null. */
    private String scan(ByteBuf in, int from, int to) {
        int i = from;
        while (i < to) {
            if (phase == Phase.DATA) {
                int skip = (int) Math.min(remaining, to - i);
                i += skip;
                remaining -= skip;
                if (remaining == 0) {
                    phase = Phase.DATA_CR;
                }
                continue;
            }
            if (phase == Phase.TRAILERS) {
                return null; // Netty checks the trailer section
            }
            String problem = step(in.getByte(i++));
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private String step(byte b) {
        switch (phase) {
            case SIZE -> {
                int hex = Character.digit(b, 16);
                if (hex >= 0) {
                    remaining = remaining * 16 + hex;
                    digits++;
                } else if (digits > 0 && (b == ' ' || b == '\t')) {
                    phase = Phase.SIZE_SPACE;
                } else if (digits > 0 && b == ';') {
                    phase = Phase.EXTENSION;
                    nameMissing = true;
                } else if (digits > 0 && b == '\r') {
                    phase = Phase.SIZE_LF;
                } else {
                    return "invalid chunk size line: unexpected byte 0x" + Integer.toHexString(b & 0xff);
                }
            }
            case SIZE_SPACE -> {
                if (b == ';') {
                    phase = Phase.EXTENSION;
                    nameMissing = true;
                } else if (b != ' ' && b != '\t') {
                    return "invalid chunk size line: only ';' and extensions may follow the size";
                }
            }
            case EXTENSION -> {
                if (b == '\r') {
                    if (nameMissing) {
                        return "invalid chunk extension: ';' without a name";
                    }
                    phase = Phase.SIZE_LF;
                    return null;
                }
                if (b == ';') {
                    nameMissing = true;
                } else if (b != ' ' && b != '\t') {
                    nameMissing = false;
                }
                if (++extensionBytes > MAX_EXTENSIONS_PER_CHUNK) {
                    return "chunk extensions over " + MAX_EXTENSIONS_PER_CHUNK + " bytes in one chunk";
                } else if (++requestExtensionBytes > MAX_EXTENSIONS_PER_REQUEST) {
                    return "chunk extensions over " + MAX_EXTENSIONS_PER_REQUEST + " bytes in one request";
                }
            }
            case SIZE_LF -> {
                if (b != '\n') {
                    return "invalid chunk size line: CR without LF";
                }
                phase = remaining == 0 ? Phase.TRAILERS : Phase.DATA;
            }
            case DATA_CR -> {
                if (b != '\r') {
                    return "chunk data longer than its size";
                }
                phase = Phase.DATA_LF;
            }
            case DATA_LF -> {
                if (b != '\n') {
                    return "chunk data longer than its size";
                }
                startChunkLine();
            }
            default -> throw new IllegalStateException("no byte step in phase " + phase);
        }
        return null;
    }
}
