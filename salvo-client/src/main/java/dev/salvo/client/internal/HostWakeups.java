package dev.salvo.client.internal;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The {@link Dispatcher}'s timer side: Retry-After pauses on a host's queue, and the wake-ups of hosts
 * waiting for time (a rate's next permit, the end of a pause). At most one wake-up per host is pending,
 * the earliest; a wake-up calls {@code onWake} on the timer thread, which takes the dispatcher's lock and
 * calls {@link #due}. Everything else is confined to the dispatcher's lock.
 */
final class HostWakeups {
    /** Runs a host's wake-up that was scheduled for {@code at}. */
    interface OnWake {
        void wake(Host host, long at);
    }

    private final ScheduledExecutorService timer;
    private final OnWake onWake;

    HostWakeups(ScheduledExecutorService timer, OnWake onWake) {
        this.timer = timer;
        this.onWake = onWake;
    }

    /**
     * Pauses {@code host} until {@code until} (a later pause wins), {@code by} the call whose response
     * asked for it, and has it woken then. True when the host was not paused before.
     */
    boolean pause(Host host, Call by, long until) {
        boolean wasPaused = host.paused;
        if (!wasPaused || until - host.pausedUntil > 0) {
            host.paused = true;
            host.pausedUntil = until;
            host.pausedBy = by;
        }
        schedule(host, host.pausedUntil);
        return !wasPaused;
    }

    /** Has {@code host} woken at {@code at}, unless an earlier wake-up is due anyway (it will look again). */
    void schedule(Host host, long at) {
        if (host.wakeAt != 0 && host.wakeAt - at <= 0) {
            return;
        }
        host.wakeAt = at;
        try {
            timer.schedule(() -> onWake.wake(host, at), Math.max(0, at - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closing) {
            host.wakeAt = 0; // the client is closing: its queued calls are failed by closeAndDrain
        }
    }

    /**
     * The wake-up scheduled for {@code at} is due: ends the host's pause if it is over (returning the
     * call that asked for it) or has it woken again when it is; null when no pause ended.
     */
    Call due(Host host, long at) {
        if (host.wakeAt == at) {
            host.wakeAt = 0;
        }
        if (!host.paused) {
            return null;
        }
        if (System.nanoTime() - host.pausedUntil < 0) {
            schedule(host, host.pausedUntil);
            return null;
        }
        host.paused = false;
        Call resumedBy = host.pausedBy;
        host.pausedBy = null;
        return resumedBy;
    }
}
