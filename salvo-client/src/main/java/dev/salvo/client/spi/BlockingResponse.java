package dev.salvo.client.spi;

import dev.salvo.client.Headers;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * What a {@link BlockingClient} returns: the status, the headers and the body still to be read. Salvo
 * reads the body as its caller asks for it and closes it; closing it before the end must abort the
 * exchange (close the connection) rather than read the rest.
 *
 * @param body the unread body; an empty stream when there is none
 */
public record BlockingResponse(int status, Headers headers, InputStream body) implements Closeable {
    public BlockingResponse {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("status must be a 3-digit code, got " + status);
        }
    }

    /** A response with its whole body in memory. */
    public static BlockingResponse of(int status, Headers headers, byte[] body) {
        return new BlockingResponse(status, headers, new java.io.ByteArrayInputStream(body.clone()));
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
