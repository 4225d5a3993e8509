package dev.salvo.cli.batches;

import dev.salvo.cli.common.Elapsed;
import dev.salvo.cli.common.HttpSession;
import dev.salvo.cli.common.OneLineErrors;
import dev.salvo.cli.common.Output;
import dev.salvo.cli.common.StatusList;
import dev.salvo.cli.common.TransportOptions;
import dev.salvo.cli.timeline.RunResult;
import dev.salvo.cli.timeline.Timeline;
import dev.salvo.client.Batch;
import dev.salvo.client.BatchResult;
import dev.salvo.client.Outcome;
import dev.salvo.client.Request;
import dev.salvo.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Runs batches the seed's way, printing {@code Batch #b -- URL #u s.ss} per step (the step's own
 * time), {@code ** Batch #b completed: s.ss} (time since the run began), then
 * {@code Total time for all batches: s.ss} and the nested statuses in batch order. A failed step
 * prints its error and ends its own batch ({@code ** Batch #b failed: s.ss}); the others go on.
 */
final class BatchesRun {
    private final Output output;
    private final TransportOptions transport;

    BatchesRun(Output output, TransportOptions transport) {
        this.output = output;
        this.transport = transport;
    }


    /**
     * Runs {@code batches}: all at once when {@code concurrent}, else one batch after another.
     *
     * @param label the run's name on the timeline
     */
    RunResult run(List<List<Request>> batches, boolean concurrent, String label) {
        Timeline timeline = new Timeline(label);
        int steps = batches.stream().mapToInt(List::size).sum();
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        AtomicLongArray lastMark = new AtomicLongArray(batches.size());
        for (int b = 0; b < batches.size(); b++) {
            lastMark.set(b, start);
        }
        List<BatchResult> results = new ArrayList<>();
        Elapsed total;
        try (HttpSession session = transport.open(batches.size(), timeline);
             Output.Progress progress = output.progress(() -> label + ": " + done.get() + "/" + steps + " requests")) {
            List<List<Batch>> waves = concurrent ? List.of(toBatches(batches))
                    : toBatches(batches).stream().map(List::of).toList();
            int offset = 0;
            for (List<Batch> wave : waves) {
                int first = offset;
                results.addAll(session.client().batches(wave, (batch, step, outcome) -> {
                    int b = first + batch;
                    long now = System.nanoTime();
                    printStep(b, step, outcome, Elapsed.of(now - lastMark.getAndSet(b, now)));
                    if (!outcome.isSuccess()) {
                        output.line("** Batch #" + b + " failed: " + Elapsed.since(start).twoDecimals());
                    } else if (step == batches.get(b).size() - 1) {
                        output.line("** Batch #" + b + " completed: " + Elapsed.since(start).twoDecimals());
                    }
                    done.incrementAndGet();
                }).join());
                offset += wave.size();
            }
            total = Elapsed.since(start);
        }
        output.line("Total time for all batches: " + total.twoDecimals());
        output.line(StatusList.nested(results.stream().map(BatchesRun::outcomes).toList()));
        int failures = (int) results.stream().filter(r -> !r.isComplete()).count();
        return new RunResult(timeline.finish(total), total, failures);
    }

    private void printStep(int batch, int step, Outcome<Response> outcome, Elapsed elapsed) {
        String line = "Batch #" + batch + " -- URL #" + step + " " + elapsed.twoDecimals();
        if (outcome instanceof Outcome.Failure<Response> failure) {
            line += " error: " + OneLineErrors.describe(failure.error());
        }
        output.line(line);
    }

    private static List<Batch> toBatches(List<List<Request>> batches) {
        return batches.stream().map(Batch::of).toList();
    }

    private static List<Outcome<Response>> outcomes(BatchResult result) {
        List<Outcome<Response>> outcomes = new ArrayList<>();
        result.responses().forEach(response -> outcomes.add(Outcome.success(response)));
        result.failure().ifPresent(failure -> outcomes.add(Outcome.failure(failure)));
        return outcomes;
    }
}
