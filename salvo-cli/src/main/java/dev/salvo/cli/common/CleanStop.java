package dev.salvo.cli.common;

import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ctrl-C stops cleanly: what a command registers here (clients, servers) is closed, newest first,
 * by a shutdown hook when the JVM is stopped by a signal while the command still runs. A command
 * that ends normally closes its registrations first, so the hook then finds nothing to do.
 * Thread-safe.
 */
public final class CleanStop {
    private static final Logger log = LoggerFactory.getLogger(CleanStop.class);
    private static final Deque<AutoCloseable> OPEN = new ConcurrentLinkedDeque<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(CleanStop::closeAll, "salvo-clean-stop"));
    }

    private CleanStop() {
    }

    /** Closes {@code resource} if the JVM stops before it is {@link #unregister unregistered}. */
    public static void register(AutoCloseable resource) {
        OPEN.push(resource);
    }

    /**
     * For try-with-resources: closes {@code resource} if the JVM stops first; closing the returned
     * registration closes the resource too (once).
     */
    public static AutoCloseable closeOnStop(AutoCloseable resource) {
        register(resource);
        return () -> {
            if (OPEN.removeFirstOccurrence(resource)) {
                resource.close();
            }
        };
    }

    /** Forgets {@code resource}: its owner closes it. */
    public static void unregister(AutoCloseable resource) {
        OPEN.removeFirstOccurrence(resource);
    }

    private static void closeAll() {
        if (OPEN.isEmpty()) {
            return;
        }
        System.err.println("Stopping.");
        AutoCloseable next;
        while ((next = OPEN.poll()) != null) {
            try {
                next.close();
            } catch (Exception e) {
                log.debug("closing {} on stop failed", next, e);
            }
        }
        System.err.flush();
    }
}
