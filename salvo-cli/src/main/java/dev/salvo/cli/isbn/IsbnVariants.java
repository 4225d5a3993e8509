package dev.salvo.cli.isbn;

import dev.salvo.cli.common.Elapsed;
import dev.salvo.cli.timeline.Run;
import dev.salvo.cli.timeline.Timeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The seed's four variants, in Java. {@code CompletableFuture.runAsync(…, executor)} is the
 * seed's {@code loop.run_in_executor(None, …)}; {@code join()} is its {@code await}.
 */
final class IsbnVariants {
    /** One variant's name (as the seed prints it), time and timeline. */
    record Timing(String name, Elapsed elapsed, Run run) {
        /** {@code name  took 0.690 seconds}, the seed's {@code f"{name:30s} took {t:.3f} seconds"}. */
        String line() {
            return String.format(Locale.ROOT, "%-30s took %s seconds", name, elapsed.threeDecimals());
        }
    }

    private final BookLookup lookup;
    private final List<String> isbns;

    IsbnVariants(BookLookup lookup, List<String> isbns) {
        this.lookup = lookup;
        this.isbns = List.copyOf(isbns);
    }

    /** All four, in the seed's order. */
    List<Timing> runAll() {
        return List.of(syncMain(), asyncMainLong(), asyncMainMultiLineLoop(), asyncMainSepTasks());
    }

    /** A plain loop. */
    Timing syncMain() {
        return timed("sync_main", timeline -> {
            for (int i = 0; i < isbns.size(); i++) {
                lookup.printBookInfo(i, isbns.get(i), System.nanoTime(), timeline);
            }
        });
    }

    /** Each call handed to the executor and awaited before the next: still sequential. */
    Timing asyncMainLong() {
        return timed("async_main_long", (timeline, executor) -> {
            for (int i = 0; i < isbns.size(); i++) {
                submit(i, timeline, executor).join();
            }
        });
    }

    /** Two calls per loop step, each awaited in turn: still sequential. */
    Timing asyncMainMultiLineLoop() {
        return timed("async_main_multi_line_loop", (timeline, executor) -> {
            for (int i = 0; i < isbns.size(); i += 2) {
                submit(i, timeline, executor).join();
                if (i + 1 < isbns.size()) {
                    submit(i + 1, timeline, executor).join();
                }
            }
        });
    }

    /** Every call submitted first, then all gathered: concurrent. */
    Timing asyncMainSepTasks() {
        return timed("async_main_sep_tasks", (timeline, executor) -> {
            List<CompletableFuture<Void>> tasks = new ArrayList<>();
            for (int i = 0; i < isbns.size(); i++) {
                tasks.add(submit(i, timeline, executor));
            }
            CompletableFuture.allOf(tasks.toArray(CompletableFuture[]::new)).join();
        });
    }

    private CompletableFuture<Void> submit(int index, Timeline timeline, ExecutorService executor) {
        long queued = System.nanoTime();
        return CompletableFuture.runAsync(() -> lookup.printBookInfo(index, isbns.get(index), queued, timeline), executor);
    }

    private interface Body {
        void run(Timeline timeline);
    }

    private interface ExecutorBody {
        void run(Timeline timeline, ExecutorService executor);
    }

    private Timing timed(String name, ExecutorBody body) {
        return timed(name, timeline -> {
            try (ExecutorService executor = Executors.newThreadPerTaskExecutor(
                    Thread.ofVirtual().name(name + "-", 0).factory())) {
                body.run(timeline, executor);
            }
        });
    }

    private static Timing timed(String name, Body body) {
        Timeline timeline = new Timeline(name);
        long start = System.nanoTime();
        body.run(timeline);
        Elapsed elapsed = Elapsed.since(start);
        return new Timing(name, elapsed, timeline.finish(elapsed));
    }
}
