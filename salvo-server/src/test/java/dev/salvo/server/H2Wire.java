package dev.salvo.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersDecoder;
import io.netty.handler.codec.http2.DefaultHttp2HeadersEncoder;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2Headers;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.util.Map;
import java.util.function.Predicate;

/**
 * HTTP/2 frames by hand over a plain socket, for the tests that must send what a well-behaved
 * client never would (rapid resets, garbage, header lists over the limit, no WINDOW_UPDATE).
 * Writes are buffered until {@link #flush()}; reads parse one frame at a time (RFC 9113 §4.1).
 * HPACK through Netty's encoder and decoder, one of each per connection. Not thread-safe.
 */
final class H2Wire implements AutoCloseable {
    static final int DATA = 0, HEADERS = 1, RST_STREAM = 3, SETTINGS = 4, GOAWAY = 7, WINDOW_UPDATE = 8;
    static final int END_STREAM = 0x1, END_HEADERS = 0x4;
    static final int PROTOCOL_ERROR = 0x1, FRAME_SIZE_ERROR = 0x6, CANCEL = 0x8, REFUSED_STREAM = 0x7, ENHANCE_YOUR_CALM = 0xb;

    /** One frame as received. */
    record Frame(int type, int flags, int stream, byte[] payload, Http2Headers headers) {
        /** The :status of a response HEADERS frame. */
        int status() {
            return Integer.parseInt(headers.status().toString());
        }

        /** The error code of a RST_STREAM or GOAWAY. */
        int errorCode() {
            int at = type == GOAWAY ? 4 : 0;
            return ((payload[at] & 0xff) << 24) | ((payload[at + 1] & 0xff) << 16) | ((payload[at + 2] & 0xff) << 8) | (payload[at + 3] & 0xff);
        }

        boolean endsStream() {
            return (flags & END_STREAM) != 0;
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final DefaultHttp2HeadersEncoder encoder = new DefaultHttp2HeadersEncoder();
    private final DefaultHttp2HeadersDecoder decoder = new DefaultHttp2HeadersDecoder(false);

    private H2Wire(SalvoServer server) throws IOException {
        socket = new Socket("127.0.0.1", server.port());
        socket.setSoTimeout(15_000);
        in = new DataInputStream(socket.getInputStream());
    }

    /** A connection that has sent the client preface and an empty SETTINGS frame (not yet flushed). */
    static H2Wire open(SalvoServer server) throws IOException {
        H2Wire wire = new H2Wire(server);
        ByteBuf preface = Http2CodecUtil.connectionPrefaceBuf();
        wire.out.writeBytes(ByteBufUtil.getBytes(preface));
        preface.release();
        wire.frame(SETTINGS, 0, 0, new byte[0]);
        return wire;
    }

    H2Wire raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    /** A request's HEADERS frame: the pseudo-headers for {@code method path}, then {@code extra}. */
    H2Wire headers(int stream, String method, String path, boolean endStream, Map<String, String> extra) {
        Http2Headers h = new DefaultHttp2Headers().method(method).path(path).scheme("http").authority("127.0.0.1");
        extra.forEach(h::add);
        ByteBuf block = Unpooled.buffer();
        try {
            encoder.encodeHeaders(stream, h, block);
        } catch (Http2Exception e) {
            throw new IllegalStateException(e);
        }
        byte[] bytes = ByteBufUtil.getBytes(block);
        block.release();
        return frame(HEADERS, END_HEADERS | (endStream ? END_STREAM : 0), stream, bytes);
    }

    H2Wire get(int stream, String path) {
        return headers(stream, "GET", path, true, Map.of());
    }

    H2Wire data(int stream, byte[] bytes, boolean endStream) {
        return frame(DATA, endStream ? END_STREAM : 0, stream, bytes);
    }

    H2Wire rst(int stream, int code) {
        return frame(RST_STREAM, 0, stream, int32(code));
    }

    /** SETTINGS with one (id, value) pair. */
    H2Wire setting(int id, int value) {
        byte[] v = int32(value);
        return frame(SETTINGS, 0, 0, new byte[] {(byte) (id >> 8), (byte) id, v[0], v[1], v[2], v[3]});
    }

    H2Wire windowUpdate(int stream, int increment) {
        return frame(WINDOW_UPDATE, 0, stream, int32(increment));
    }

    H2Wire frame(int type, int flags, int stream, byte[] payload) {
        int n = payload.length;
        out.write(n >> 16);
        out.write(n >> 8);
        out.write(n);
        out.write(type);
        out.write(flags);
        out.writeBytes(int32(stream));
        out.writeBytes(payload);
        return this;
    }

    void flush() throws IOException {
        socket.getOutputStream().write(out.toByteArray());
        socket.getOutputStream().flush();
        out.reset();
    }

    /** The next frame, or null at end of stream (or a reset connection: the server closed it). */
    Frame next() throws IOException {
        byte[] head = new byte[9];
        try {
            in.readFully(head);
            int length = ((head[0] & 0xff) << 16) | ((head[1] & 0xff) << 8) | (head[2] & 0xff);
            byte[] payload = new byte[length];
            in.readFully(payload);
            int stream = ((head[5] & 0x7f) << 24) | ((head[6] & 0xff) << 16) | ((head[7] & 0xff) << 8) | (head[8] & 0xff);
            int type = head[3] & 0xff;
            return new Frame(type, head[4] & 0xff, stream, payload, type == HEADERS ? decode(stream, payload) : null);
        } catch (EOFException | SocketException closed) {
            return null;
        }
    }

    /** Sends {@code GET path} on {@code stream} and returns its reply's status; fails when the connection ends first. */
    int statusOfGet(int stream, String path) throws IOException {
        get(stream, path).flush();
        Frame reply = until(f -> f.type() == HEADERS && f.stream() == stream);
        if (reply == null) {
            throw new AssertionError("the connection closed before stream " + stream + " (" + path + ") was answered");
        }
        return reply.status();
    }

    /** Reads to the server's GOAWAY and returns its error code; fails unless the connection ends right after. */
    int goAwayThenEnd() throws IOException {
        Frame goAway = until(f -> f.type() == GOAWAY);
        if (goAway == null) {
            throw new AssertionError("the connection closed without GOAWAY");
        }
        Frame after = until(f -> true);
        if (after != null) {
            throw new AssertionError("still open after GOAWAY: " + after);
        }
        return goAway.errorCode();
    }

    /** Everything the server sends from here until it closes the connection, as bytes (not parsed as frames). */
    byte[] rest() throws IOException {
        try {
            return in.readAllBytes();
        } catch (SocketException reset) {
            throw new IOException("connection reset instead of closed", reset);
        }
    }

    /** Reads frames until one matches (returned) or the connection ends (null). */
    Frame until(Predicate<Frame> wanted) throws IOException {
        for (Frame f = next(); f != null; f = next()) {
            if (wanted.test(f)) {
                return f;
            }
        }
        return null;
    }

    /** A HEADERS block decoded in arrival order (HPACK state is per connection); the server sends no padding or priority. */
    private Http2Headers decode(int stream, byte[] block) throws IOException {
        try {
            return decoder.decodeHeaders(stream, Unpooled.wrappedBuffer(block));
        } catch (Http2Exception e) {
            throw new IOException("bad header block from the server", e);
        }
    }

    private static byte[] int32(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
