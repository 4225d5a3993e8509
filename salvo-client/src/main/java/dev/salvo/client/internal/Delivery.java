package dev.salvo.client.internal;

import dev.salvo.client.BodyHandler;
import dev.salvo.client.BodySubscriber;
import dev.salvo.client.Headers;
import dev.salvo.client.Request;
import java.time.Duration;

/**
 * A call's body handling: the caller's {@link BodyHandler}, how its value becomes the future's result,
 * and that future. Applied once per call, to the final response (never to a redirect or a response
 * that is retried). Thread-safe: immutable.
 */
final class Delivery<T, R> {
    private final BodyHandler<T> handler;
    private final Finisher<T, R> finisher;
    final CallFuture<R> future;

    Delivery(BodyHandler<T> handler, Finisher<T, R> finisher, CallFuture<R> future) {
        this.handler = handler;
        this.finisher = finisher;
        this.future = future;
    }

    /**
     * The tap for the body of the final response; when the handler's value is ready the engine is
     * told, with the completion of the future to run when the slot allows.
     */
    BodyTap start(Call call, Request request, int status, Headers headers, Duration idleTimeout) {
        BodySubscriber<T> subscriber = handler.apply(status, headers);
        BodyTap tap = new BodyTap(subscriber, call, idleTimeout);
        subscriber.body().whenComplete((value, error) -> {
            if (error != null) {
                call.engine.bodyReady(call, tap, error, null);
                return;
            }
            R result;
            try {
                result = finisher.finish(request, status, headers, call.version, call.trailers, value);
            } catch (RuntimeException e) {
                call.engine.bodyReady(call, tap, e, null);
                return;
            }
            call.engine.bodyReady(call, tap, null, () -> future.complete(result));
        });
        return tap;
    }
}
