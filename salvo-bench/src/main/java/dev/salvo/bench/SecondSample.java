package dev.salvo.bench;

/**
 * One interval (normally one second) of a run's measured window.
 *
 * @param endSeconds   when the interval ended, in seconds since measuring began
 * @param lengthSeconds the interval's length (the last one may be shorter than a second)
 * @param requests     requests completed in the interval, errors included
 * @param errors       failed requests among them
 * @param p50Ms        median latency of the interval's responses (0 when none)
 * @param p99Ms        99th percentile latency of the interval's responses (0 when none)
 * @param maxMs        the slowest response of the interval (0 when none)
 */
public record SecondSample(double endSeconds, double lengthSeconds, long requests, long errors,
        double p50Ms, double p99Ms, double maxMs) {

    /** Requests per second over this interval. */
    public double requestsPerSecond() {
        return lengthSeconds > 0 ? requests / lengthSeconds : 0;
    }
}
