package dev.salvo.client.internal;

import dev.salvo.client.CircuitBreakerPolicy;
import dev.salvo.client.CircuitOpenException;
import dev.salvo.client.ClientClosedException;
import dev.salvo.client.QueueFullException;
import dev.salvo.client.ResponseTooLargeException;
import java.io.IOException;

/**
 * One origin's circuit breaker, as {@link CircuitBreakerPolicy} describes it: a ring of the last
 * outcomes while closed; open until a time; half-open with one probe out. Confined to the
 * {@link Dispatcher}'s lock.
 */
final class Breaker {
    enum State { CLOSED, OPEN, HALF_OPEN }

    /** How an attempt that held a slot ended, for the breaker. */
    enum Verdict { SUCCESS, FAILURE, NEUTRAL }

    /**
     * What an ending attempt says about its host: a 5xx or an I/O failure (a deadline included) is a
     * failure; a cancel or the client's own refusal or limit says nothing.
     */
    static Verdict verdictOf(int status, Throwable failure) {
        if (failure == null) {
            return status >= 500 ? Verdict.FAILURE : Verdict.SUCCESS;
        }
        boolean clientSide = failure instanceof ClientClosedException || failure instanceof CircuitOpenException
                || failure instanceof QueueFullException || failure instanceof ResponseTooLargeException;
        return failure instanceof IOException && !clientSide ? Verdict.FAILURE : Verdict.NEUTRAL;
    }

    private final CircuitBreakerPolicy policy;
    private final boolean[] failed;
    private int next;
    private int count;
    private int failures;
    private State state = State.CLOSED;
    private long openUntil;
    private boolean probeOut;

    Breaker(CircuitBreakerPolicy policy) {
        this.policy = policy;
        this.failed = new boolean[policy.window()];
    }

    /** True while calls must fail at once: open, and the open time not yet over. */
    boolean refuses(long now) {
        if (state == State.OPEN && now - openUntil >= 0) {
            state = State.HALF_OPEN;
            probeOut = false;
        }
        return state == State.OPEN;
    }

    /** Half-open with its probe out: queued calls wait for the probe's outcome. */
    boolean holdsBack() {
        return state == State.HALF_OPEN && probeOut;
    }

    /** A call starts; when half-open it is the probe. */
    void started() {
        if (state == State.HALF_OPEN) {
            probeOut = true;
        }
    }

    /**
     * An attempt's outcome; true when this opened the breaker (its queued calls are then to be failed).
     * A neutral one (cancelled, refused by the client) does not count, but frees a probe's place.
     */
    boolean record(Verdict verdict, long now) {
        if (verdict == Verdict.NEUTRAL) {
            probeOut = false;
            return false;
        }
        boolean failure = verdict == Verdict.FAILURE;
        if (state == State.HALF_OPEN) {
            if (failure) {
                open(now);
                return true;
            }
            state = State.CLOSED;
            count = 0;
            failures = 0;
            next = 0;
            return false;
        }
        if (state == State.OPEN) {
            return false;
        }
        if (count == failed.length) {
            failures -= failed[next] ? 1 : 0;
        } else {
            count++;
        }
        failed[next] = failure;
        failures += failure ? 1 : 0;
        next = (next + 1) % failed.length;
        if (count >= policy.minimumCalls() && failures >= policy.failureRate() * count) {
            open(now);
            return true;
        }
        return false;
    }

    boolean isClosed() {
        return state == State.CLOSED;
    }

    String describe() {
        return state == State.OPEN ? "open after " + failures + " failures in the last " + count + " calls" : state.name();
    }

    private void open(long now) {
        state = State.OPEN;
        openUntil = now + policy.openFor().toNanos();
        probeOut = false;
    }
}
