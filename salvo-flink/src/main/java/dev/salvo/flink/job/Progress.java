package dev.salvo.flink.job;

import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A one-line progress display on a terminal (records committed so far, every 2 s); nothing when
 * output is piped or the output directory is not local. Runs on one daemon thread.
 */
final class Progress implements AutoCloseable {
    private final ScheduledExecutorService ticker;
    private final PrintWriter err;

    private Progress(ScheduledExecutorService ticker, PrintWriter err) {
        this.ticker = ticker;
        this.err = err;
    }

    static Progress start(Path outDir, PrintWriter err) {
        if (outDir == null || !onTerminal()) {
            return new Progress(null, err);
        }
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "salvo-flink-progress");
            t.setDaemon(true);
            return t;
        });
        long start = System.nanoTime();
        ticker.scheduleWithFixedDelay(() -> {
            try {
                CommittedOutput output = CommittedOutput.read(outDir);
                err.printf("\r%5.0f s  %,d records committed (%,d errors)", (System.nanoTime() - start) / 1e9,
                        output.records(), output.errors());
                err.flush();
            } catch (IOException e) {
                // a part file was renamed while we read: the next tick sees it
            }
        }, 2, 2, TimeUnit.SECONDS);
        return new Progress(ticker, err);
    }

    /**
     * True when stdin and stdout are a terminal. JDK 22+ always has a {@link Console} and tells
     * through {@code isTerminal()}, which release 21 cannot name; on 21 a console means a terminal.
     */
    private static boolean onTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            err.print("\r\033[K");
            err.flush();
        }
    }
}
