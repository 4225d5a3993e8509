package dev.salvo.client;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Objects;

/**
 * An immutable HTTP response with its body read in full (at most the call's
 * {@code maxResponseBytes}); for a stream, a file or a count, see {@link BodyHandler}. A 4xx or 5xx
 * status is data, not an exception: check {@link #status()} or call {@link #requireSuccess()}.
 */
public final class Response extends ResponseHead {
    private final byte[] body;

    private Response(Request request, int status, Headers headers, HttpVersion version, Headers trailers, byte[] body) {
        super(request, status, headers, version, trailers);
        this.body = Objects.requireNonNull(body, "body");
    }

    /**
     * A response; {@code body} is copied.
     *
     * @param request the request this answers (after redirects, the last one sent)
     */
    public static Response of(Request request, int status, Headers headers, byte[] body) {
        return of(request, status, headers, HttpVersion.HTTP_1_1, body);
    }

    /** A response that came on {@code version}, without trailers; {@code body} is copied. */
    public static Response of(Request request, int status, Headers headers, HttpVersion version, byte[] body) {
        return owned(request, status, headers, version, Headers.empty(), Objects.requireNonNull(body, "body").clone());
    }

    /** A response that takes {@code body} as it is, without a copy: for the buffering handler only. */
    static Response owned(Request request, int status, Headers headers, HttpVersion version, Headers trailers,
            byte[] body) {
        return new Response(request, status, headers, version, trailers, body);
    }

    /**
     * This response when 2xx, else a {@link HttpStatusException} carrying it; for callers that
     * want a non-2xx status as an error.
     */
    public Response requireSuccess() throws HttpStatusException {
        if (!isSuccessful()) {
            throw new HttpStatusException(this);
        }
        return this;
    }

    /** A copy of the body bytes. */
    public byte[] body() {
        return body.clone();
    }

    public int bodyLength() {
        return body.length;
    }

    /** The body as a stream, without a copy. */
    public InputStream bodyStream() {
        return new ByteArrayInputStream(body);
    }

    /** The body decoded with the charset of Content-Type, UTF-8 when none or unknown. */
    public String bodyString() {
        return new String(body, charset());
    }

    private Charset charset() {
        String type = headers().first("Content-Type").orElse("");
        for (String part : type.split(";")) {
            String p = part.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                String name = p.substring("charset=".length()).replace("\"", "").strip();
                try {
                    return Charset.forName(name);
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    @Override
    public String toString() {
        return "Response[" + status() + ' ' + request() + ", " + version() + ", " + body.length + " bytes]";
    }
}
