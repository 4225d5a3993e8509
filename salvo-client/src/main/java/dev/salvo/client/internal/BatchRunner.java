package dev.salvo.client.internal;

import dev.salvo.client.Batch;
import dev.salvo.client.BatchResult;
import dev.salvo.client.OnStep;
import dev.salvo.client.Outcome;
import dev.salvo.client.Request;
import dev.salvo.client.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs batches concurrently, each batch's steps one after another. A failed step (I/O, or a step
 * that cannot build its request) ends its own batch; the others go on. Cancelling the aggregate
 * future cancels the step each batch is running. One instance per run; thread-safe.
 */
public final class BatchRunner {
    private static final Logger log = LoggerFactory.getLogger(BatchRunner.class);

    private final Function<Request, CompletableFuture<Response>> send;

    public BatchRunner(Function<Request, CompletableFuture<Response>> send) {
        this.send = send;
    }

    public CompletableFuture<List<BatchResult>> run(List<Batch> batches, OnStep onStep) {
        Objects.requireNonNull(batches, "batches");
        Objects.requireNonNull(onStep, "onStep");
        for (int i = 0; i < batches.size(); i++) {
            Objects.requireNonNull(batches.get(i), "batches[" + i + "]");
        }
        return new Run(batches, onStep).start();
    }

    private final class Run {
        private final List<Batch> batches;
        private final OnStep onStep;
        private final BatchResult[] results;
        private final AtomicInteger remaining;
        private final AtomicReferenceArray<CompletableFuture<Response>> running;
        private final CompletableFuture<List<BatchResult>> all = new CompletableFuture<>();
        private final Object hookLock = new Object();

        Run(List<Batch> batches, OnStep onStep) {
            this.batches = List.copyOf(batches);
            this.onStep = onStep;
            this.results = new BatchResult[batches.size()];
            this.remaining = new AtomicInteger(batches.size());
            this.running = new AtomicReferenceArray<>(batches.size());
        }

        CompletableFuture<List<BatchResult>> start() {
            if (batches.isEmpty()) {
                all.complete(List.of());
                return all;
            }
            all.whenComplete((value, error) -> {
                if (all.isCancelled()) {
                    for (int i = 0; i < running.length(); i++) {
                        CompletableFuture<Response> step = running.get(i);
                        if (step != null) {
                            step.cancel(true);
                        }
                    }
                }
            });
            for (int b = 0; b < batches.size(); b++) {
                step(b, 0, null, new ArrayList<>());
            }
            return all;
        }

        private void step(int b, int s, Response previous, List<Response> responses) {
            Request request;
            try {
                request = batches.get(b).request(s, Optional.ofNullable(previous));
            } catch (RuntimeException e) {
                finish(b, responses, e);
                return;
            }
            CompletableFuture<Response> call = send.apply(request);
            running.set(b, call);
            if (all.isCancelled()) {
                call.cancel(true);
            }
            call.whenComplete((response, error) -> {
                Outcome<Response> outcome = error == null ? Outcome.success(response) : Outcome.failure(error);
                synchronized (hookLock) {
                    try {
                        onStep.accept(b, s, outcome);
                    } catch (RuntimeException e) {
                        log.warn("onStep hook failed for batch {} step {}", b, s, e);
                    }
                }
                if (error != null) {
                    finish(b, responses, Outcome.unwrap(error));
                } else {
                    responses.add(response);
                    if (s + 1 < batches.get(b).size()) {
                        step(b, s + 1, response, responses);
                    } else {
                        finish(b, responses, null);
                    }
                }
            });
        }

        private void finish(int b, List<Response> responses, Throwable failure) {
            running.set(b, null);
            results[b] = new BatchResult(responses, Optional.ofNullable(failure));
            if (remaining.decrementAndGet() == 0) {
                all.complete(Arrays.asList(results.clone()));
            }
        }
    }
}
