package dev.salvo.cli.common;

import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Where a command prints: result lines on stdout, messages on stderr, and on a terminal a progress
 * line on stderr that appears once a run passes one second. Lines never tear the progress line:
 * it is cleared before a line is printed and redrawn on the next tick. Thread-safe.
 */
public final class Output {
    private static final long FIRST_DRAW_MILLIS = 1000;
    private static final long REDRAW_MILLIS = 250;
    private static final String CLEAR_LINE = "\r\033[K";

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean terminal;
    private final Object lock = new Object();
    private boolean progressShown;

    public Output(PrintWriter out, PrintWriter err, boolean terminal) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    /** The output of the command {@code spec} describes; progress only when on a terminal. */
    public static Output of(CommandSpec spec) {
        CommandLine commandLine = spec.commandLine();
        return new Output(commandLine.getOut(), commandLine.getErr(), isTerminal());
    }

    /** True when progress is drawn: stdin and stdout are a terminal. */
    public boolean onTerminal() {
        return terminal;
    }

    /** Stderr, for a command that draws its own live view while {@link #onTerminal()}. */
    public PrintWriter err() {
        return err;
    }

    /** One line on stdout. */
    public void line(String text) {
        synchronized (lock) {
            clearProgress();
            out.println(text);
            out.flush();
        }
    }

    /** One line on stderr. */
    public void message(String text) {
        synchronized (lock) {
            clearProgress();
            err.println(text);
            err.flush();
        }
    }

    /**
     * Shows {@code status} as a progress line on stderr, redrawn a few times a second, from one
     * second on, until the returned handle is closed. Does nothing when not on a terminal.
     */
    public Progress progress(Supplier<String> status) {
        if (!terminal) {
            return () -> { };
        }
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "salvo-progress");
            thread.setDaemon(true);
            return thread;
        });
        long started = System.nanoTime();
        ticker.scheduleAtFixedRate(() -> draw(status.get(), started), FIRST_DRAW_MILLIS, REDRAW_MILLIS, TimeUnit.MILLISECONDS);
        return () -> {
            ticker.shutdownNow();
            synchronized (lock) {
                clearProgress();
            }
        };
    }

    /** A shown progress line; closing it removes it. */
    @FunctionalInterface
    public interface Progress extends AutoCloseable {
        @Override
        void close();
    }

    private void draw(String status, long started) {
        String text = String.format("%s  %s", status, Elapsed.of(System.nanoTime() - started).oneDecimal() + " s");
        synchronized (lock) {
            err.print(CLEAR_LINE + text);
            err.flush();
            progressShown = true;
        }
    }

    private void clearProgress() {
        if (progressShown) {
            err.print(CLEAR_LINE);
            err.flush();
            progressShown = false;
        }
    }

    /**
     * True when stdin and stdout are a terminal. JDK 22+ always returns a {@link Console} and says
     * whether it is a terminal through {@code isTerminal()}; on 21 a non-null console means one.
     */
    static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
