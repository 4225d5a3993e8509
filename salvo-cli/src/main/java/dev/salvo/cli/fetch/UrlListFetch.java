package dev.salvo.cli.fetch;

import dev.salvo.cli.common.Elapsed;
import dev.salvo.cli.common.HttpSession;
import dev.salvo.cli.common.OneLineErrors;
import dev.salvo.cli.common.Output;
import dev.salvo.cli.common.StatusList;
import dev.salvo.cli.common.TransportOptions;
import dev.salvo.cli.timeline.RunResult;
import dev.salvo.cli.timeline.Timeline;
import dev.salvo.client.Outcome;
import dev.salvo.client.Request;
import dev.salvo.client.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fetches a list of URLs the seed's two ways, printing {@code **** SYNC ****} or
 * {@code **** ASYNC ****}, one {@code url seconds} line per URL as it finishes, {@code Total time:}
 * and the statuses in input order. A failed URL prints its error on its line; the others go on.
 */
final class UrlListFetch {
    private final Output output;
    private final TransportOptions transport;

    UrlListFetch(Output output, TransportOptions transport) {
        this.output = output;
        this.transport = transport;
    }


    /** One after another, each waiting for the previous. */
    RunResult sync(List<Request> requests) throws InterruptedException {
        Timeline timeline = new Timeline("sync");
        List<Outcome<Response>> outcomes = new ArrayList<>();
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        Elapsed total;
        try (HttpSession session = transport.open(1, timeline);
             Output.Progress progress = output.progress(() -> "sync: " + done.get() + "/" + requests.size())) {
            output.line("**** SYNC ****");
            for (Request request : requests) {
                long began = System.nanoTime();
                Outcome<Response> outcome;
                try {
                    outcome = Outcome.success(session.client().sendBlocking(request));
                } catch (IOException e) {
                    outcome = Outcome.failure(e);
                }
                print(request, outcome, Elapsed.since(began));
                outcomes.add(outcome);
                done.incrementAndGet();
            }
            total = Elapsed.since(start);
        }
        return finish(timeline, outcomes, total);
    }

    /** All at once (at most {@code concurrency} in flight), lines in completion order. */
    RunResult async(List<Request> requests, int concurrency) {
        Timeline timeline = new Timeline("async");
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        List<Outcome<Response>> outcomes;
        Elapsed total;
        try (HttpSession session = transport.open(concurrency, timeline);
             Output.Progress progress = output.progress(() -> "async: " + done.get() + "/" + requests.size())) {
            output.line("**** ASYNC ****");
            outcomes = session.client().gatherOutcomes(requests, (index, outcome) -> {
                print(requests.get(index), outcome, Elapsed.since(start));
                done.incrementAndGet();
            }).join();
            total = Elapsed.since(start); // the work, not closing thousands of connections
        }
        return finish(timeline, outcomes, total);
    }

    private RunResult finish(Timeline timeline, List<Outcome<Response>> outcomes, Elapsed total) {
        output.line("Total time: " + total.twoDecimals());
        output.line(StatusList.of(outcomes));
        int failures = (int) outcomes.stream().filter(o -> !o.isSuccess()).count();
        return new RunResult(timeline.finish(total), total, failures);
    }

    private void print(Request request, Outcome<Response> outcome, Elapsed elapsed) {
        String line = request.uri() + " " + elapsed.twoDecimals();
        if (outcome instanceof Outcome.Failure<Response> failure) {
            line += " error: " + OneLineErrors.describe(failure.error());
        }
        output.line(line);
    }
}
