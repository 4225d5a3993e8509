package dev.salvo.client;

import dev.salvo.client.spi.Arguments;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** The interceptors Salvo ships: transparent decoding, basic and bearer authentication. Each is immutable. */
public final class Interceptors {
    private Interceptors() {
    }

    /**
     * Transparent gzip and deflate: adds {@code Accept-Encoding: gzip, deflate} unless the request has an
     * {@code Accept-Encoding} of its own, decodes a body so encoded as it arrives, and removes
     * {@code Content-Encoding} and {@code Content-Length} from the headers the caller sees. A body that
     * decodes to more than {@code maxDecodedBytes} fails with {@link DecompressionLimitException}; a
     * corrupt or truncated one (a gzip trailer whose CRC-32 or length disagrees, a body that ends before
     * its compressed data or trailer did) fails with {@link MalformedResponseException}.
     */
    public static Interceptor decompressing(long maxDecodedBytes) {
        long max = Arguments.requirePositive(maxDecodedBytes, "maxDecodedBytes");
        return new Interceptor() {
            @Override
            public <T> CompletableFuture<BodyResponse<T>> intercept(Request request, BodyHandler<T> handler, Chain chain) {
                boolean asked = request.headers().first("Accept-Encoding").isEmpty();
                Request sent = asked ? request.toBuilder().setHeader("Accept-Encoding", "gzip, deflate").build() : request;
                BodyHandler<T> decoding = (status, headers) -> {
                    String coding = encoding(headers);
                    if (!asked || !(coding.equals("gzip") || coding.equals("deflate"))) {
                        return handler.apply(status, headers);
                    }
                    return new DecodingSubscriber<>(handler.apply(status, decoded(headers)), coding.equals("gzip"), max);
                };
                return chain.proceed(sent, decoding).thenApply(response -> {
                    String coding = encoding(response.headers());
                    return asked && (coding.equals("gzip") || coding.equals("deflate"))
                            ? response.withHeaders(decoded(response.headers())) : response;
                });
            }

            @Override
            public String toString() {
                return "decompressing(" + max + " bytes)";
            }
        };
    }

    private static String encoding(Headers headers) {
        return headers.first("Content-Encoding").map(v -> v.strip().toLowerCase(Locale.ROOT)).orElse("");
    }

    private static Headers decoded(Headers headers) {
        return headers.toBuilder().remove("Content-Encoding").remove("Content-Length").build();
    }

    /** Sends {@code Authorization: Basic …} (RFC 7617, UTF-8) on every call that has no Authorization of its own. */
    public static Interceptor basicAuth(String user, String password) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (user.indexOf(':') >= 0) {
            throw new IllegalArgumentException("a basic-auth user must not contain ':'");
        }
        String value = "Basic " + Base64.getEncoder().encodeToString((user + ':' + password).getBytes(StandardCharsets.UTF_8));
        return new Interceptor() {
            @Override
            public <T> CompletableFuture<BodyResponse<T>> intercept(Request request, BodyHandler<T> handler, Chain chain) {
                return chain.proceed(withAuthorization(request, value), handler);
            }

            @Override
            public String toString() {
                return "basicAuth(" + user + ")";
            }
        };
    }

    /**
     * Sends {@code Authorization: Bearer <token>} on every call that has no Authorization of its own. The
     * token comes from {@code tokens}, asked once and kept; a 401 asks it again and sends the call once
     * more with the new token (the first 401's body is dropped). A second 401 is returned as data.
     */
    public static Interceptor bearerAuth(Supplier<String> tokens) {
        return new BearerAuth(Objects.requireNonNull(tokens, "tokens"));
    }

    static Request withAuthorization(Request request, String value) {
        if (request.headers().first("Authorization").isPresent()) {
            return request;
        }
        return request.toBuilder().setHeader("Authorization", value).build();
    }
}
