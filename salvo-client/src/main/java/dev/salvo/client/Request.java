package dev.salvo.client;

import dev.salvo.client.spi.Arguments;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * An immutable HTTP request: method, absolute http(s) URI, headers, body and an optional
 * per-request deadline. Every check happens when the request is built, so a bad URL or header
 * fails at once with {@link IllegalArgumentException} (or {@link NullPointerException} for null).
 */
public final class Request {
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE");
    private final String method;
    private final URI uri;
    private final Headers headers;
    private final RequestBody body;
    private final Duration deadline;
    private final Origin origin;
    private final long maxResponseBytes;
    private final Duration bodyIdleTimeout;
    private final Tags tags;

    private Request(Builder builder) {
        this.method = builder.method;
        this.uri = builder.uri;
        this.body = builder.body;
        this.headers = withContentType(builder.headers, builder.body);
        this.deadline = builder.deadline;
        this.origin = builder.origin != null ? builder.origin : Origin.of(uri);
        this.maxResponseBytes = builder.maxResponseBytes;
        this.bodyIdleTimeout = builder.bodyIdleTimeout;
        this.tags = builder.tags;
    }

    /** {@code from} with other headers and tags: the URI, origin and body stay as they were checked and parsed. */
    private Request(Request from, Headers headers, Tags tags) {
        this.method = from.method;
        this.uri = from.uri;
        this.body = from.body;
        this.headers = headers;
        this.deadline = from.deadline;
        this.origin = from.origin;
        this.maxResponseBytes = from.maxResponseBytes;
        this.bodyIdleTimeout = from.bodyIdleTimeout;
        this.tags = tags;
    }

    /** A GET of {@code url}. */
    public static Request get(String url) {
        return newBuilder(url).build();
    }

    /** A GET of {@code uri}. */
    public static Request get(URI uri) {
        return newBuilder(uri).build();
    }

    /** A POST of {@code body} with the given content type. */
    public static Request post(String url, String contentType, byte[] body) {
        return newBuilder(url).method("POST", body).header("Content-Type", contentType).build();
    }

    /** A POST of a UTF-8 JSON document. */
    public static Request postJson(String url, String json) {
        Objects.requireNonNull(json, "json");
        return post(url, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    public static Builder newBuilder(String url) {
        return new Builder(parseUrl(url));
    }

    public static Builder newBuilder(URI uri) {
        return new Builder(checkUri(uri));
    }

    /** A builder holding everything this request holds. */
    public Builder toBuilder() {
        Builder builder = new Builder(uri);
        builder.origin = origin; // kept until the URI changes: an interceptor adding a header parses nothing again
        builder.method = method;
        builder.headers = headers.toBuilder();
        builder.body = body;
        builder.deadline = deadline;
        builder.maxResponseBytes = maxResponseBytes;
        builder.bodyIdleTimeout = bodyIdleTimeout;
        builder.tags = tags;
        return builder;
    }

    /**
     * This request with the fields named {@code name} (in any case) replaced by this one, appended: what
     * {@code toBuilder().setHeader(name, value).build()} gives, without parsing or checking anything but
     * the new field again (an interceptor that adds a header to every call, such as a trace context).
     *
     * @throws IllegalArgumentException on a bad name or a value with CR/LF/NUL
     */
    public Request withHeader(String name, String value) {
        return new Request(this, headers.with(name, value), tags);
    }

    /**
     * This request with {@code tag} as its tag of type {@code type} (replacing any earlier one of that type);
     * nothing else changes. See {@link #tag}.
     */
    public <T> Request withTag(Class<T> type, T tag) {
        return new Request(this, headers, tags.with(type, tag));
    }

    /**
     * The tag of type {@code type} that code handling this request attached ({@link #withTag},
     * {@link Builder#tag}): for example a tracing interceptor's record of the call, which its event listener
     * finds again on {@link CallEvent#request()}. Tags are never sent; {@link #toBuilder} keeps them, so
     * redirect hops and an interceptor's rebuilt request carry them too.
     */
    public <T> Optional<T> tag(Class<T> type) {
        return tags.get(type);
    }

    public String method() {
        return method;
    }

    public URI uri() {
        return uri;
    }

    public Headers headers() {
        return headers;
    }

    /** The body; {@link RequestBody#empty()} when there is none. */
    public RequestBody body() {
        return body;
    }

    /** This request's own whole-call deadline, overriding the client's default. */
    public Optional<Duration> deadline() {
        return Optional.ofNullable(deadline);
    }

    /** This request's limit on a buffered response body, overriding the client's default. */
    public OptionalLong maxResponseBytes() {
        return maxResponseBytes > 0 ? OptionalLong.of(maxResponseBytes) : OptionalLong.empty();
    }

    /** The longest the response (its head, then its body) may go without a byte before the call fails; empty when unbounded. */
    public Optional<Duration> bodyIdleTimeout() {
        return Optional.ofNullable(bodyIdleTimeout);
    }

    /** GET, HEAD, PUT, DELETE, OPTIONS and TRACE: safe to send twice. */
    public boolean isIdempotent() {
        return IDEMPOTENT.contains(method);
    }

    /** Scheme, host and port: the key of per-host limits. */
    public Origin origin() {
        return origin;
    }

    @Override
    public String toString() {
        return method + ' ' + uri;
    }

    /** The headers, plus the body's own Content-Type (form, multipart, text) unless one was given. */
    private static Headers withContentType(Headers.Builder headers, RequestBody body) {
        Headers given = headers.build();
        if (body.contentType().isEmpty() || given.first("Content-Type").isPresent()) {
            return given;
        }
        return given.toBuilder().add("Content-Type", body.contentType().get()).build();
    }

    static URI parseUrl(String url) {
        Objects.requireNonNull(url, "url");
        if (url.isBlank()) {
            throw new IllegalArgumentException("url is blank");
        }
        try {
            return checkUri(new URI(url.strip()));
        } catch (URISyntaxException e) {
            if (!url.contains("://")) {
                throw new IllegalArgumentException("url must be absolute (http:// or https://), got " + quoted(url), e);
            }
            throw new IllegalArgumentException("malformed url " + quoted(url) + ": " + e.getReason(), e);
        }
    }

    static URI checkUri(URI uri) {
        Objects.requireNonNull(uri, "uri");
        if (!uri.isAbsolute()) {
            throw new IllegalArgumentException("url must be absolute (http:// or https://), got " + quoted(uri.toString()));
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("unsupported scheme '" + uri.getScheme() + "' in " + quoted(uri.toString())
                    + "; use http or https");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("url has no host: " + quoted(uri.toString()));
        }
        return uri;
    }

    private static String quoted(String s) {
        return '"' + s.replace("\r", "\\r").replace("\n", "\\n") + '"';
    }

    /** Builds a {@link Request}; not thread-safe. */
    public static final class Builder {
        private URI uri;
        private String method = "GET";
        private Headers.Builder headers = Headers.newBuilder();
        private RequestBody body = RequestBody.empty();
        private Duration deadline;
        private long maxResponseBytes;
        private Duration bodyIdleTimeout;
        private Tags tags = Tags.NONE;

        /** The origin of {@link #uri} when a request it came from knew it; null otherwise. */
        private Origin origin;

        private Builder(URI uri) {
            this.uri = uri;
        }

        public Builder uri(String url) {
            this.uri = parseUrl(url);
            this.origin = null;
            return this;
        }

        public Builder uri(URI uri) {
            this.uri = checkUri(uri);
            this.origin = null;
            return this;
        }

        /** Sets the method with no body. */
        public Builder method(String method) {
            return method(method, RequestBody.empty());
        }

        /** Sets the method and the body (copied). */
        public Builder method(String method, byte[] body) {
            return method(method, RequestBody.of(body));
        }

        /** Sets the method and the body. */
        public Builder method(String method, RequestBody body) {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(body, "body");
            if (method.isEmpty() || !method.chars().allMatch(c -> Headers.isTokenChar((char) c))) {
                throw new IllegalArgumentException("method must be an HTTP token, got \"" + method + '"');
            }
            this.method = method.toUpperCase(Locale.ROOT);
            this.body = body;
            return this;
        }

        public Builder GET() {
            return method("GET");
        }

        public Builder POST(byte[] body) {
            return method("POST", body);
        }

        public Builder POST(RequestBody body) {
            return method("POST", body);
        }

        public Builder PUT(byte[] body) {
            return method("PUT", body);
        }

        public Builder PUT(RequestBody body) {
            return method("PUT", body);
        }

        public Builder DELETE() {
            return method("DELETE");
        }

        /** Adds a header field. */
        public Builder header(String name, String value) {
            headers.add(name, value);
            return this;
        }

        /** Replaces the header fields named {@code name}. */
        public Builder setHeader(String name, String value) {
            headers.set(name, value);
            return this;
        }

        public Builder headers(Headers all) {
            Objects.requireNonNull(all, "headers");
            headers = all.toBuilder();
            return this;
        }

        /** This request's whole-call deadline (queue wait + headers + body); positive. */
        public Builder deadline(Duration deadline) {
            this.deadline = Arguments.requirePositive(deadline, "deadline");
            return this;
        }

        /**
         * The most bytes a buffered response body ({@code send(request)}, {@code gather}) may have for
         * this request; more fail with {@link ResponseTooLargeException}. Overrides the client's default.
         */
        public Builder maxResponseBytes(long max) {
            this.maxResponseBytes = Arguments.requirePositive(max, "maxResponseBytes");
            return this;
        }

        /**
         * Fails the call with {@link DeadlineExceededException} when its response goes this long
         * without a byte: from each attempt's start to its response head, then between the body's
         * pieces while the caller waits for the ones it asked for (as OkHttp's read timeout); default
         * unbounded. For a big download pair it with a long {@link #deadline}: the deadline bounds
         * the whole, this bounds a stall.
         */
        public Builder bodyIdleTimeout(Duration timeout) {
            this.bodyIdleTimeout = Arguments.requirePositive(timeout, "bodyIdleTimeout");
            return this;
        }

        /** Attaches {@code tag} as the request's tag of type {@code type}, replacing any other of that type; see {@link Request#tag}. */
        public <T> Builder tag(Class<T> type, T tag) {
            this.tags = tags.with(type, tag);
            return this;
        }

        public Request build() {
            return new Request(this);
        }

        @Override
        public String toString() {
            return "Request.Builder[" + method + " " + uri + ", " + body + "]";
        }
    }
}
