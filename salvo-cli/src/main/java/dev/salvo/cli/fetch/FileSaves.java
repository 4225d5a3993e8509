package dev.salvo.cli.fetch;

import dev.salvo.cli.common.Elapsed;
import dev.salvo.cli.common.HttpSession;
import dev.salvo.cli.common.OneLineErrors;
import dev.salvo.cli.common.Output;
import dev.salvo.client.BodyHandler;
import dev.salvo.client.BodyResponse;
import dev.salvo.client.ClientClosedException;
import dev.salvo.client.EventListener;
import dev.salvo.client.Outcome;
import dev.salvo.client.Request;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code salvo fetch -o FILE} and {@code -O DIR}: each body streamed to its file as it arrives (through
 * a temporary file renamed into place, so a failed download leaves nothing), at most {@code concurrency}
 * at a time, with a progress line on a terminal. Prints {@code url seconds status bytes file} per URL as
 * it finishes, or {@code url seconds error: why}. An HTTP error status is saved like any body.
 */
final class FileSaves {
    private static final Logger log = LoggerFactory.getLogger(FileSaves.class);

    private final Output output;
    private final UrlListFetch.Sessions sessions;
    /** {@code --rate}: sends a second over the whole list, 0 for no pacing. */
    private final double ratePerSecond;

    FileSaves(Output output, UrlListFetch.Sessions sessions, double ratePerSecond) {
        this.output = output;
        this.sessions = sessions;
        this.ratePerSecond = ratePerSecond;
    }

    /**
     * Saves each request's body to {@code files.apply(index)} (called once per request, in order, just
     * before it is sent); returns how many failed.
     */
    int save(List<Request> requests, IntFunction<Path> files, int concurrency) throws InterruptedException {
        SaveProgress progress = new SaveProgress(requests.size());
        Semaphore window = new Semaphore(concurrency);
        Pacer pacer = new Pacer(ratePerSecond);
        AtomicBoolean closed = new AtomicBoolean(); // Ctrl-C closed the client: send no more
        AtomicInteger failures = new AtomicInteger();
        long start = System.nanoTime();
        try (HttpSession session = sessions.open(concurrency, EventListener.NONE);
             Output.Progress shown = output.progress(progress::status)) {
            for (int i = 0; i < requests.size() && !closed.get(); i++) {
                window.acquire();
                pacer.awaitTurn(); // after the window: the send follows its turn at once
                Request request = requests.get(i);
                Path file = files.apply(i);
                session.client().send(request, handler(file, progress, requests.size() == 1)).whenComplete((response, error) -> {
                    try {
                        progress.finished();
                        if (error == null) {
                            output.line(request.uri() + " " + Elapsed.since(start).twoDecimals() + " " + response.status()
                                    + " " + size(response) + " " + response.body());
                            return;
                        }
                        failures.incrementAndGet();
                        if (Outcome.unwrap(error) instanceof ClientClosedException) {
                            closed.set(true);
                        }
                        output.line(request.uri() + " " + Elapsed.since(start).twoDecimals() + " error: "
                                + FailureKind.of(error).words());
                        log.debug("{} failed: {}", request.uri(), OneLineErrors.describe(error), error);
                    } finally {
                        window.release();
                    }
                });
            }
            window.acquire(concurrency); // every call has finished and been printed
        }
        return failures.get();
    }

    private static BodyHandler<Path> handler(Path file, SaveProgress progress, boolean single) {
        BodyHandler<Path> toFile = BodyHandler.ofFile(file);
        BodyHandler<Path> announced = (status, headers) -> {
            if (single) {
                headers.first("Content-Length").flatMap(FileSaves::length).ifPresent(progress::expect);
            }
            return toFile.apply(status, headers);
        };
        long[] last = {0}; // one call's pieces arrive one at a time
        return announced.withProgress(total -> {
            progress.received(total - last[0]);
            last[0] = total;
        });
    }

    private static Optional<Long> length(String value) {
        try {
            return Optional.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static long size(BodyResponse<Path> response) {
        try {
            return Files.size(response.body());
        } catch (IOException e) {
            return -1;
        }
    }
}
