package dev.salvo.cli.search;

import dev.salvo.cli.common.Elapsed;
import dev.salvo.cli.common.Output;
import dev.salvo.cli.common.TransportOptions;
import dev.salvo.cli.timeline.Run;
import dev.salvo.cli.timeline.TimedTransport;
import dev.salvo.cli.timeline.Timeline;
import dev.salvo.client.spi.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The seed's program: log in, start the clock, run {@code count} identical searches one after
 * another (sync) or on a pool (async, results consumed in input order), print
 * {@code Elapsed Time: H:MM:SS.ffffff}. The same {@link SearchService} code runs in both modes.
 */
final class SearchRun {
    /** The search the seed runs 22 times. */
    static final String QUERY = "search * | head 100";
    static final String USERNAME = "admin";
    static final String PASSWORD = "changeme";

    /** What a run measured. */
    record Result(Elapsed elapsed, Run run) {
    }

    private final Output output;
    private final TransportOptions transport;
    private final String server;

    SearchRun(Output output, TransportOptions transport, String server) {
        this.output = output;
        this.transport = transport;
        this.server = server;
    }

    /**
     * Runs {@code count} searches; {@code pool} of 1 is the sync mode.
     *
     * @throws SearchException when a call fails (the first failure, in input order)
     */
    Result run(int count, int pool, String label) throws InterruptedException {
        AtomicInteger done = new AtomicInteger();
        try (Transport handler = transport.newTransport(pool);
             Output.Progress progress = output.progress(() -> label + ": " + done.get() + "/" + count + " searches")) {
            SearchService service = SearchService.login(new SearchBinding(handler, server), USERNAME, PASSWORD);
            Timeline timeline = new Timeline(label);
            SearchService timed = service.withHandler(new TimedTransport(handler, timeline));
            long start = System.nanoTime();
            if (pool == 1) {
                for (int i = 0; i < count; i++) {
                    timed.search(QUERY);
                    done.incrementAndGet();
                }
            } else {
                runPooled(timed, count, pool, done);
            }
            Elapsed elapsed = Elapsed.since(start);
            output.line("Elapsed Time: " + elapsed.clock());
            return new Result(elapsed, timeline.finish(elapsed));
        }
    }

    private static void runPooled(SearchService service, int count, int pool, AtomicInteger done)
            throws InterruptedException {
        try (ExecutorService executor = Executors.newFixedThreadPool(pool, Thread.ofVirtual().name("search-", 0).factory())) {
            List<Future<?>> searches = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                searches.add(executor.submit(() -> {
                    service.search(QUERY);
                    done.incrementAndGet();
                }));
            }
            for (Future<?> search : searches) {
                try {
                    search.get();
                } catch (ExecutionException e) {
                    searches.forEach(f -> f.cancel(true));
                    throw e.getCause() instanceof SearchException failure ? failure
                            : new SearchException(String.valueOf(e.getCause()), e.getCause());
                }
            }
        }
    }
}
