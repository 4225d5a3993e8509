package dev.salvo.netty.internal;

import dev.salvo.client.Headers;
import dev.salvo.client.Request;
import dev.salvo.client.RequestBody;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Writes one HTTP/1.1 request (request line, headers, and an in-memory body) into a single pooled
 * buffer, so it leaves in one write with no intermediate message objects. A file or stream body
 * follows the head ({@link BodyUpload}), with its Content-Length, or chunked when its length is unknown.
 *
 * <p>The request's headers go out as given, in order, except Content-Length and Transfer-Encoding
 * (the transport frames the body itself) and, with keep-alive off, Connection. The transport adds
 * Host (unless given), Content-Length (when there is a body, or for POST, PUT and PATCH) and
 * {@code Connection: close} when keep-alive is off.
 */
final class RequestEncoder {
    private static final byte[] VERSION_CRLF = " HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HOST = "Host: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTENT_LENGTH = "Content-Length: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHUNKED = "Transfer-Encoding: chunked\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONNECTION_CLOSE = "Connection: close\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final short CRLF = ('\r' << 8) | '\n';
    private static final short COLON_SPACE = (':' << 8) | ' ';

    private RequestEncoder() {
    }

    /** A buffer holding the whole request; the caller writes it (and Netty releases it). */
    static ByteBuf encode(ByteBufAllocator allocator, Request request, String hostHeader, boolean keepAlive) {
        Headers headers = request.headers();
        RequestBody body = request.body();
        ByteBuffer inline = body.isEmpty() ? null : body.bytes().orElse(null); // a GET's empty body costs no view
        int inlineLength = inline == null ? 0 : inline.remaining();
        ByteBuf out = allocator.ioBuffer(estimateSize(request, headers, inlineLength));
        URI uri = asciiOnly(request.uri());
        ByteBufUtil.writeAscii(out, request.method());
        out.writeByte(' ');
        String path = uri.getRawPath();
        ByteBufUtil.writeAscii(out, path == null || path.isEmpty() ? "/" : path);
        String query = uri.getRawQuery();
        if (query != null) {
            out.writeByte('?');
            ByteBufUtil.writeAscii(out, query);
        }
        out.writeBytes(VERSION_CRLF);
        if (!has(headers, "Host")) {
            out.writeBytes(HOST);
            ByteBufUtil.writeAscii(out, hostHeader);
            out.writeShort(CRLF);
        }
        for (int i = 0, n = headers.size(); i < n; i++) {
            String name = headers.name(i);
            if (framedByTransport(name, keepAlive)) {
                continue;
            }
            ByteBufUtil.writeAscii(out, name);
            out.writeShort(COLON_SPACE);
            ByteBufUtil.writeUtf8(out, headers.value(i));
            out.writeShort(CRLF);
        }
        long length = body.length();
        if (length < 0) {
            out.writeBytes(CHUNKED);
        } else if (length > 0 || expectsBody(request.method())) {
            out.writeBytes(CONTENT_LENGTH);
            ByteBufUtil.writeAscii(out, Long.toString(length));
            out.writeShort(CRLF);
        }
        if (!keepAlive) {
            out.writeBytes(CONNECTION_CLOSE);
        }
        out.writeShort(CRLF);
        if (inlineLength > 0) {
            out.writeBytes(inline);
        }
        return out;
    }

    /** Whether the body is sent after the head, streamed (a file, a stream), rather than inside it. */
    static boolean streamsBody(Request request) {
        RequestBody body = request.body();
        return !body.isEmpty() && body.bytes().isEmpty();
    }

    /** {@code uri}, or the same with its non-ASCII characters percent-encoded as UTF-8. */
    static URI asciiOnly(URI uri) {
        return isAscii(uri.getRawPath()) && isAscii(uri.getRawQuery()) ? uri : URI.create(uri.toASCIIString());
    }

    private static boolean isAscii(String text) {
        if (text != null) {
            for (int i = 0, n = text.length(); i < n; i++) {
                if (text.charAt(i) >= 0x80) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean framedByTransport(String name, boolean keepAlive) {
        return name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("Transfer-Encoding")
                || !keepAlive && name.equalsIgnoreCase("Connection");
    }

    static boolean expectsBody(String method) {
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    }

    private static boolean has(Headers headers, String name) {
        for (int i = 0, n = headers.size(); i < n; i++) {
            if (headers.name(i).equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static int estimateSize(Request request, Headers headers, int bodyLength) {
        URI uri = request.uri();
        String query = uri.getRawQuery();
        int size = 64 + uri.getRawPath().length() + (query == null ? 0 : query.length()) + bodyLength;
        for (int i = 0, n = headers.size(); i < n; i++) {
            size += headers.name(i).length() + headers.value(i).length() + 4;
        }
        return size;
    }
}
