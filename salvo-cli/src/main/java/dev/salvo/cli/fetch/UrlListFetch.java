package dev.salvo.cli.fetch;

import dev.salvo.cli.common.Elapsed;
import dev.salvo.cli.common.HttpSession;
import dev.salvo.cli.common.OneLineErrors;
import dev.salvo.cli.common.Output;
import dev.salvo.cli.common.StatusList;
import dev.salvo.cli.common.TransportOptions;
import dev.salvo.cli.timeline.RunResult;
import dev.salvo.cli.timeline.Timeline;
import dev.salvo.client.ClientClosedException;
import dev.salvo.client.EventListener;
import dev.salvo.client.Outcome;
import dev.salvo.client.Request;
import dev.salvo.client.Response;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a list of URLs the seed's two ways. With seed lines on it prints {@code **** SYNC ****}
 * or {@code **** ASYNC ****}, one {@code url seconds} line per URL as it finishes, {@code Total
 * time:} and the statuses in input order; a failed URL prints why on its line and the others go
 * on. Every result also goes to {@code onEach}. Responses are dropped as they finish, so a long
 * list holds only its requests and statuses.
 */
final class UrlListFetch {
    private static final Logger log = LoggerFactory.getLogger(UrlListFetch.class);

    /** Opens the client one run sends with. */
    @FunctionalInterface
    interface Sessions {
        HttpSession open(int maxInFlight, EventListener listener);
    }

    private final Output output;
    private final Sessions sessions;
    private final Consumer<FetchResult> onEach;
    private final boolean seedLines;
    /** {@code --rate}: sends a second over the whole list, 0 for no pacing. */
    private final double ratePerSecond;

    /** The seed's run: its lines, default connections. */
    UrlListFetch(Output output, TransportOptions transport) {
        this(output, transport::open, result -> { }, true, 0);
    }

    UrlListFetch(Output output, Sessions sessions, Consumer<FetchResult> onEach, boolean seedLines, double ratePerSecond) {
        this.output = output;
        this.sessions = sessions;
        this.onEach = onEach;
        this.seedLines = seedLines;
        this.ratePerSecond = ratePerSecond;
    }

    /** One after another, each waiting for the previous. */
    RunResult sync(List<Request> requests, FetchProgress progress) throws InterruptedException {
        Timeline timeline = new Timeline("sync");
        String[] statuses = new String[requests.size()];
        Pacer pacer = new Pacer(ratePerSecond);
        long start = System.nanoTime();
        Elapsed total;
        try (HttpSession session = sessions.open(1, timeline);
             Output.Progress shown = output.progress(() -> "sync: " + progress.status())) {
            seedLine("**** SYNC ****");
            for (int i = 0; i < requests.size(); i++) {
                pacer.awaitTurn();
                long began = System.nanoTime();
                Outcome<Response> outcome;
                try {
                    outcome = Outcome.success(session.client().sendBlocking(requests.get(i)));
                } catch (IOException e) {
                    outcome = Outcome.failure(e);
                }
                finished(new FetchResult(requests.get(i), Elapsed.since(began), outcome), i, statuses, progress);
            }
            total = Elapsed.since(start);
        }
        return finish(timeline, statuses, total);
    }

    /**
     * All at once, lines in completion order. At most {@code concurrency} URLs are handed to the
     * client at a time, so a URL's deadline starts when it is sent, not when a long list was read;
     * under {@code --rate} the whole list is paced, whatever the hosts ({@link Pacer}).
     */
    RunResult async(List<Request> requests, int concurrency, FetchProgress progress) throws InterruptedException {
        Timeline timeline = new Timeline("async");
        String[] statuses = new String[requests.size()];
        Semaphore window = new Semaphore(concurrency);
        Pacer pacer = new Pacer(ratePerSecond);
        AtomicBoolean closed = new AtomicBoolean(); // Ctrl-C closed the client: send no more
        long start = System.nanoTime();
        Elapsed total;
        try (HttpSession session = sessions.open(concurrency, timeline);
             Output.Progress shown = output.progress(() -> "async: " + progress.status())) {
            seedLine("**** ASYNC ****");
            for (int i = 0; i < requests.size() && !closed.get(); i++) {
                window.acquire();
                pacer.awaitTurn(); // after the window: the send follows its turn at once
                int index = i;
                session.client().send(requests.get(i)).whenComplete((response, error) -> {
                    try {
                        if (error != null && Outcome.unwrap(error) instanceof ClientClosedException) {
                            closed.set(true);
                        }
                        Outcome<Response> outcome = error == null ? Outcome.success(response) : Outcome.failure(error);
                        finished(new FetchResult(requests.get(index), Elapsed.since(start), outcome), index, statuses, progress);
                    } finally {
                        window.release();
                    }
                });
            }
            window.acquire(concurrency); // every call has finished and been printed
            total = Elapsed.since(start); // the work, not closing thousands of connections
        }
        return finish(timeline, statuses, total);
    }

    private void finished(FetchResult result, int index, String[] statuses, FetchProgress progress) {
        Outcome<Response> outcome = result.outcome();
        String line = result.request().uri() + " " + result.elapsed().twoDecimals();
        if (outcome instanceof Outcome.Failure<Response> failure) {
            line += " error: " + FailureKind.of(failure.error()).words();
            log.debug("{} failed: {}", result.request().uri(), OneLineErrors.describe(failure.error()), failure.error());
        }
        seedLine(line);
        synchronized (statuses) {
            statuses[index] = StatusList.status(outcome);
        }
        progress.finished(outcome.isSuccess());
        onEach.accept(result);
    }

    private RunResult finish(Timeline timeline, String[] statuses, Elapsed total) {
        seedLine("Total time: " + total.twoDecimals());
        List<String> inOrder;
        synchronized (statuses) {
            inOrder = Arrays.asList(statuses.clone());
        }
        seedLine(StatusList.join(inOrder));
        int failures = (int) inOrder.stream().filter(StatusList.FAILED::equals).count();
        return new RunResult(timeline.finish(total), total, failures);
    }

    private void seedLine(String text) {
        if (seedLines) {
            output.line(text);
        }
    }
}
