package dev.salvo.bench.internal;

/** Decides when each slot sends: back to back (closed model) or on a schedule (open model). */
interface Driver {

    /** Starts sending; returns at once. */
    void start();

    /** {@code slot}'s request completed; called on the completing thread, must not block. */
    void slotFree(Slot slot);

    /** Stops sending; returns at once. Idempotent. */
    void stop();

    /** Measured sends that left more than {@code BenchResult.LATE_AFTER} after their intended time. */
    long lateSends();

    /** Measured sends due within a window of {@code windowNanos} that never left. */
    long missedSends(long windowNanos);
}
