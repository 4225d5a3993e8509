package dev.salvo.cli.promise;

import dev.salvo.cli.common.Elapsed;
import dev.salvo.cli.common.HttpSession;
import dev.salvo.cli.common.OneLineErrors;
import dev.salvo.cli.common.Output;
import dev.salvo.cli.scenario.ScenarioContext;
import dev.salvo.cli.scenario.ScenarioResult;
import dev.salvo.cli.scenario.SeedScenario;
import dev.salvo.cli.timeline.Run;
import dev.salvo.cli.timeline.Timeline;
import dev.salvo.client.EventListener;
import dev.salvo.client.Request;
import dev.salvo.client.Response;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * S6: requests of delay d on a bounded number of workers, the seed's own timing test: 8 on 1
 * worker take 8d, 8 on 5 workers about 2d, 10 on 10 workers about 1d. Then a request to a dead
 * port shows that {@code request()} returns at once, the callback runs on a worker, and the error
 * surfaces when the response is accessed.
 */
public final class PromiseScenario extends SeedScenario {
    public PromiseScenario() {
        super("S6", "promise-returning client, bounded workers (seed 004)",
                "Futures return at once; the worker bound sets the pace (8 on 5 workers = 2 rounds); errors wait for access.");
    }

    private static final double DELAY_SECONDS = 0.5;

    @Override
    public ScenarioResult run(ScenarioContext context) throws IOException {
        Request request = Request.get(context.server().url("/delay/" + context.delaySeconds(DELAY_SECONDS)));
        double delay = DELAY_SECONDS * context.scale();
        Round sequential = round(context, request, 8, 1, delay);
        Round concurrent = round(context, request, 8, 5, delay);
        Round wide = round(context, request, 10, 10, delay);
        errorsOnAccess(context);
        return ScenarioResult.of(this, sequential.elapsed(), concurrent.elapsed(),
                "8 on 5 workers ≈ 2 delays; 10 on 10 ≈ 1", List.of(sequential.run(), concurrent.run(), wide.run()),
                sequential.failures() + concurrent.failures() + wide.failures());
    }

    private record Round(Elapsed elapsed, Run run, int failures) {
    }

    private static Round round(ScenarioContext context, Request request, int count, int workers, double delay) {
        Output output = context.output();
        String label = count + " requests, " + workers + (workers == 1 ? " worker" : " workers");
        output.line("**** " + label + " ****");
        Timeline timeline = new Timeline(label);
        int failures = 0;
        Elapsed elapsed;
        try (ExecutorService pool = workerPool(workers);
             HttpSession session = context.transport().open(workers, timeline, pool);
             Output.Progress progress = output.progress(() -> label)) {
            long start = System.nanoTime();
            List<CompletableFuture<Response>> promises = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                promises.add(session.client().send(request));
            }
            for (CompletableFuture<Response> promise : promises) {
                try {
                    promise.join();
                } catch (CompletionException e) {
                    failures++;
                    output.line("error: " + OneLineErrors.describe(e));
                }
            }
            elapsed = Elapsed.since(start);
        }
        output.line(String.format(Locale.ROOT, "Total time: %s (%.1f delays)", elapsed.twoDecimals(),
                elapsed.seconds() / delay));
        return new Round(elapsed, timeline.finish(elapsed), failures);
    }

    private static void errorsOnAccess(ScenarioContext context) throws IOException {
        Output output = context.output();
        output.line("**** errors surface on access ****");
        String deadUrl = "http://127.0.0.1:" + freePort() + "/get";
        try (ExecutorService pool = workerPool(5);
             HttpSession session = context.transport().open(5, EventListener.NONE, pool)) {
            AtomicReference<String> callback = new AtomicReference<>("callback did not run");
            long start = System.nanoTime();
            CompletableFuture<Response> promise = session.client().send(Request.get(deadUrl));
            output.line("request() returned after " + Elapsed.since(start).threeDecimals() + " s: " + deadUrl);
            CompletableFuture<Response> withCallback = promise.whenCompleteAsync((response, failure) ->
                    callback.set("callback ran on " + Thread.currentThread().getName()
                            + (failure == null ? " with status " + response.status() : ", failed")), pool);
            try {
                output.line("response.status = " + withCallback.join().status());
            } catch (CompletionException e) {
                output.line("accessing the response raised " + OneLineErrors.describe(e));
            }
            output.line(callback.get());
        }
    }

    private static ExecutorService workerPool(int workers) {
        return Executors.newFixedThreadPool(workers, Thread.ofPlatform().name("worker-", 1).daemon(true).factory());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
