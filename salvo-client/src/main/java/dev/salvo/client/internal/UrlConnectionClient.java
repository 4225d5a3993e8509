package dev.salvo.client.internal;

import dev.salvo.client.spi.BlockingClient;
import dev.salvo.client.Headers;
import dev.salvo.client.Request;
import dev.salvo.client.Response;
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
    private static final Set<String> METHODS = Set.of("GET", "POST", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE");

    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;

    public UrlConnectionClient(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, connectTimeout.toMillis()));
        this.readTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, readTimeout.toMillis()));
    }

    @Override
    public Response execute(Request request) throws IOException {
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
            byte[] body = request.body();
            if (body.length > 0) {
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(body.length);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = connection.getResponseCode();
            Response response = Response.ofOwned(request, status, responseHeaders(connection), readBody(connection, status));
            ok = true;
            return response;
        } finally {
            if (!ok) {
                connection.disconnect();
            }
        }
    }

    private static Headers responseHeaders(HttpURLConnection connection) {
        Headers.Builder headers = Headers.builder();
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

    private static byte[] readBody(HttpURLConnection connection, int status) throws IOException {
        InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        if (in == null) {
            return new byte[0];
        }
        try (in) {
            return in.readAllBytes();
        }
    }
}
