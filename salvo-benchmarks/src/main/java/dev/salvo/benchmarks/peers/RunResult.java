package dev.salvo.benchmarks.peers;

import java.util.Locale;

/**
 * What one measured run of one client gave: throughput, latency percentiles, and the client
 * JVM's allocation and CPU time divided by the requests. Travels between the worker and the
 * coordinator as one line of text.
 *
 * @param requestsPerSecond completed requests (successful or not) per second of wall time
 * @param p50Nanos median latency, send to whole body
 * @param p99Nanos 99th percentile latency
 * @param bytesPerRequest heap bytes allocated by all threads of the client JVM, per request
 * @param cpuNanosPerRequest CPU time of the client JVM (all threads), per request
 * @param errors requests that failed or did not return 200
 * @param firstError the first failure's message, or {@code "-"}
 */
public record RunResult(double requestsPerSecond, long p50Nanos, long p99Nanos, long bytesPerRequest,
        long cpuNanosPerRequest, long errors, String firstError) {
    static final String PREFIX = "result ";

    /** One line, for the worker's standard output. */
    String toLine() {
        return PREFIX + String.format(Locale.ROOT, "%.1f %d %d %d %d %d %s", requestsPerSecond, p50Nanos, p99Nanos,
                bytesPerRequest, cpuNanosPerRequest, errors, firstError.replaceAll("\\s+", " "));
    }

    /** The inverse of {@link #toLine()}. */
    static RunResult parse(String line) {
        String[] f = line.substring(PREFIX.length()).split(" ", 7);
        return new RunResult(Double.parseDouble(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]),
                Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]), f[6]);
    }
}
