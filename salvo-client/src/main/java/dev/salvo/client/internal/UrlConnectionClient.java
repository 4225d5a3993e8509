package dev.salvo.client.internal;

import dev.salvo.client.Headers;
import dev.salvo.client.Request;
import dev.salvo.client.RequestBody;
import dev.salvo.client.spi.BlockingClient;
import dev.salvo.client.spi.BlockingResponse;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.util.Set;

/**
 * A {@link BlockingClient} over {@link HttpURLConnection}: the classic blocking library that
 * Salvo's blocking adapter makes concurrent. Redirects are not followed; keep-alive is the JDK's.
 * Thread-safe (one connection object per call). An interrupt of a virtual thread blocked in it
 * closes its socket; on a platform thread it runs until the read timeout.
 */
public final class UrlConnectionClient implements BlockingClient {
    private static final int CHUNK_BYTES = 64 * 1024;
    private static final Set<String> METHODS = Set.of("GET", "POST", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE");

    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;

    public UrlConnectionClient(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, connectTimeout.toMillis()));
        this.readTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, readTimeout.toMillis()));
    }

    @Override
    public BlockingResponse execute(Request request) throws IOException {
        if (!METHODS.contains(request.method())) {
            throw new IllegalArgumentException("HttpURLConnection cannot send method " + request.method());
        }
        HttpURLConnection connection = (HttpURLConnection) request.uri().toURL().openConnection();
        boolean ok = false;
        try {
            connection.setConnectTimeout(connectTimeoutMillis);
            connection.setReadTimeout(readTimeoutMillis);
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setRequestMethod(request.method());
            Headers headers = request.headers();
            for (int i = 0; i < headers.size(); i++) {
                connection.addRequestProperty(headers.name(i), headers.value(i));
            }
            writeBody(connection, request.body());
            int status = connection.getResponseCode();
            BlockingResponse response = new BlockingResponse(status, responseHeaders(connection),
                    body(connection, status));
            ok = true;
            return response;
        } finally {
            if (!ok) {
                connection.disconnect();
            }
        }
    }

    /** Sends the body with its length, or chunked when the length is unknown; streamed, never loaded. */
    private static void writeBody(HttpURLConnection connection, RequestBody body) throws IOException {
        if (body.isEmpty()) {
            return;
        }
        connection.setDoOutput(true);
        if (body.length() > 0) {
            connection.setFixedLengthStreamingMode(body.length());
        } else {
            connection.setChunkedStreamingMode(CHUNK_BYTES);
        }
        try (InputStream in = body.openStream(); OutputStream out = connection.getOutputStream()) {
            in.transferTo(out);
        }
    }

    /** The unread body; closing it before the end disconnects (aborts) rather than draining it. */
    private static InputStream body(HttpURLConnection connection, int status) throws IOException {
        InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        if (in == null) {
            connection.disconnect();
            return InputStream.nullInputStream();
        }
        return new FilterInputStream(in) {
            private boolean ended;

            @Override
            public int read() throws IOException {
                int b = super.read();
                ended |= b < 0;
                return b;
            }

            @Override
            public int read(byte[] into, int offset, int length) throws IOException {
                int n = super.read(into, offset, length);
                ended |= n < 0;
                return n;
            }

            @Override
            public void close() throws IOException {
                if (ended) {
                    super.close(); // the connection goes back to the JDK's keep-alive cache
                } else {
                    connection.disconnect();
                }
            }
        };
    }

    private static Headers responseHeaders(HttpURLConnection connection) {
        Headers.Builder headers = Headers.newBuilder();
        for (int i = 1; ; i++) { // field 0 is the status line
            String name = connection.getHeaderFieldKey(i);
            String value = connection.getHeaderField(i);
            if (name == null && value == null) {
                return headers.build();
            }
            if (name != null && value != null) {
                headers.add(name, value);
            }
        }
    }
}
