package dev.salvo.client.internal;

import dev.salvo.client.OnEach;
import dev.salvo.client.Outcome;
import dev.salvo.client.Request;
import dev.salvo.client.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a list of requests at once and collects their results in input order, calling a hook as
 * each completes (one at a time, in completion order). Cancelling the aggregate future cancels
 * every call still running. One instance per gather; thread-safe.
 */
public final class Gatherer {
    private static final Logger log = LoggerFactory.getLogger(Gatherer.class);

    private final Function<Request, CompletableFuture<Response>> send;

    public Gatherer(Function<Request, CompletableFuture<Response>> send) {
        this.send = send;
    }

    /** Every outcome in input order; never fails, except by cancellation. */
    public CompletableFuture<List<Outcome<Response>>> gatherOutcomes(List<Request> requests, OnEach<Response> onEach) {
        return collect(requests, onEach, false);
    }

    /** The responses in input order; fails with the first failure and cancels the rest. */
    public CompletableFuture<List<Response>> gather(List<Request> requests, OnEach<Response> onEach) {
        CompletableFuture<List<Outcome<Response>>> outcomes = collect(requests, onEach, true);
        CompletableFuture<List<Response>> responses = outcomes.thenApply(all -> all.stream().map(Outcome::value).toList());
        responses.whenComplete((value, error) -> {
            if (responses.isCancelled()) {
                outcomes.cancel(true);
            }
        });
        return responses;
    }

    private CompletableFuture<List<Outcome<Response>>> collect(List<Request> requests, OnEach<Response> onEach,
            boolean failFast) {
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(onEach, "onEach");
        for (int i = 0; i < requests.size(); i++) {
            Objects.requireNonNull(requests.get(i), "requests[" + i + "]");
        }
        int n = requests.size();
        CompletableFuture<List<Outcome<Response>>> all = new CompletableFuture<>();
        if (n == 0) {
            all.complete(List.of());
            return all;
        }
        @SuppressWarnings("unchecked")
        Outcome<Response>[] results = new Outcome[n];
        AtomicInteger remaining = new AtomicInteger(n);
        Object hookLock = new Object();
        List<CompletableFuture<Response>> calls = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int index = i;
            CompletableFuture<Response> call = send.apply(requests.get(i));
            calls.add(call);
            call.whenComplete((response, error) -> {
                Outcome<Response> outcome = error == null ? Outcome.success(response) : Outcome.failure(error);
                results[index] = outcome;
                synchronized (hookLock) {
                    runHook(onEach, index, outcome);
                }
                if (failFast && error != null) {
                    all.completeExceptionally(Outcome.unwrap(error));
                }
                if (remaining.decrementAndGet() == 0) {
                    all.complete(Arrays.asList(results.clone()));
                }
            });
        }
        all.whenComplete((value, error) -> {
            if (error != null) {
                calls.forEach(call -> call.cancel(true));
            }
        });
        return all;
    }

    static <T> void runHook(OnEach<T> onEach, int index, Outcome<T> outcome) {
        try {
            onEach.accept(index, outcome);
        } catch (RuntimeException e) {
            log.warn("onEach hook failed for call {}", index, e);
        }
    }
}
