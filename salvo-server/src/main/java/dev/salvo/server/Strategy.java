package dev.salvo.server;

import java.util.Locale;

/**
 * How the server does each request's waiting and work (the five servers of seed 003).
 *
 * <ul>
 *   <li>{@link #ASYNC}: non-blocking timers; the event loops never block (waits cost nothing).</li>
 *   <li>{@link #SYNC}: one request at a time across all connections, on one worker thread.</li>
 *   <li>{@link #BLOCKING}: the work blocks the single event loop ("broken async").</li>
 *   <li>{@link #THREADS}: blocking work offloaded to a bounded pool of {@link ServerConfig#threads()}.</li>
 *   <li>{@link #CPU}: work offloaded to a pool sized to the cores (the seed's process pool: Java
 *       threads run in parallel, so a thread pool plays that part).</li>
 * </ul>
 */
public enum Strategy {
    ASYNC, SYNC, BLOCKING, THREADS, CPU;

    /**
     * Parses a strategy name as typed on a command line, case-insensitively.
     *
     * @throws IllegalArgumentException naming the accepted values when {@code name} is not one
     */
    public static Strategy parse(String name) {
        for (Strategy s : values()) {
            if (s.name().equalsIgnoreCase(name.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown strategy '" + name + "'; expected one of async, sync, blocking, threads, cpu");
    }

    /** The name as typed on a command line, e.g. {@code "threads"}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
