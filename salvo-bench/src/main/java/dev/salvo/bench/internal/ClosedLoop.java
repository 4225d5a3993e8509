package dev.salvo.bench.internal;

/**
 * The closed model: every slot sends its next request as soon as its last one completes, from
 * the completing thread (usually a transport I/O thread), so no thread hop sits on the hot path.
 * Latency is measured from the actual send, which is also the intended one.
 */
final class ClosedLoop implements Driver {
    private final Run run;

    ClosedLoop(Run run) {
        this.run = run;
    }

    @Override
    public void start() {
        for (Slot slot : run.slots) {
            pump(slot);
        }
    }

    @Override
    public void slotFree(Slot slot) {
        pump(slot);
    }

    /**
     * Sends the slot's next request. A transport may complete a future inside {@code execute}
     * (a refused connect, say); then the nested call only bumps the counter and this loop sends
     * again, so a thousand instant failures never nest a thousand frames deep.
     */
    private void pump(Slot slot) {
        if (slot.pumps.getAndIncrement() != 0) {
            return;
        }
        do {
            sendNext(slot);
        } while (slot.pumps.decrementAndGet() != 0);
    }

    private void sendNext(Slot slot) {
        if (run.stopped()) {
            return;
        }
        long now = System.nanoTime();
        boolean measured = now >= run.warmupEndNanos;
        if (measured && !run.claimPermit()) {
            return;
        }
        run.send(slot, now, now, measured);
    }

    @Override
    public void stop() {
        // sendNext reads run.stopped(); nothing else to do.
    }

    @Override
    public long lateSends() {
        return 0;
    }

    @Override
    public long missedSends(long windowNanos) {
        return 0;
    }
}
