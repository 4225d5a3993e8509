package dev.salvo.client;

import java.util.concurrent.CompletableFuture;

/**
 * An application-level step around every call, in the manner of OkHttp's interceptors: it sees the
 * request, may change it, passes it on with {@link Chain#proceed}, and sees or replaces the response.
 * It sits above retries and redirects (a retried or redirected call passes it once), and below the
 * mapping of {@link Salvo#send(Request)} into a {@link Response}. The body arrives as a stream: to see
 * or change it, pass on a {@link BodyHandler} that wraps the caller's (its subscriber sees each piece as
 * it arrives). Add interceptors with {@link Salvo.Builder#interceptor}; the first added is the outermost.
 * Interceptors run on the caller's thread for the request and on the callback executor for the
 * response; they must not block.
 */
public interface Interceptor {

    /** Handles one call: usually {@code chain.proceed(request, handler)}, perhaps changed. */
    <T> CompletableFuture<BodyResponse<T>> intercept(Request request, BodyHandler<T> handler, Chain chain);

    /** The rest of the chain: the next interceptor, or the call itself. */
    interface Chain {
        <T> CompletableFuture<BodyResponse<T>> proceed(Request request, BodyHandler<T> handler);
    }
}
