package dev.salvo.client;

import dev.salvo.client.spi.Arguments;
import java.util.Objects;

/**
 * A snapshot of a transport's connections to one {@link Origin} under one HTTP version, for gauges
 * and dashboards ({@link Salvo#poolStats()}). Immutable; the counts are read together under the
 * pool's lock, but the pool moves on at once.
 *
 * <p>On HTTP/1.1 a connection carries one exchange at a time, so {@code inFlight == inUse}; on HTTP/2
 * a connection in use carries up to its server's stream limit, and {@code inFlight} counts the streams.
 *
 * @param origin         where the connections go
 * @param version        the HTTP version they speak; an HTTP/2 origin whose server declined h2 by ALPN
 *                       has a second, HTTP/1.1, entry
 * @param open           connections established (TCP, and TLS for https), whether in use or idle
 * @param connecting     connections being opened (not yet counted in {@code open})
 * @param idle           open connections carrying no exchange, ready for the next one
 * @param inUse          open connections carrying at least one exchange ({@code open - idle})
 * @param inFlight       exchanges running on these connections: HTTP/2 streams open, on HTTP/1.1 {@code inUse}
 * @param pending        exchanges waiting in the pool for a connection or a stream
 * @param maxConnections the most connections the pool opens to this origin ({@link Integer#MAX_VALUE} when unbounded)
 */
public record PoolStats(Origin origin, HttpVersion version, int open, int connecting, int idle, int inUse,
        int inFlight, int pending, int maxConnections) {

    public PoolStats {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(version, "version");
        Arguments.requireNonNegative(open, "open");
        Arguments.requireNonNegative(connecting, "connecting");
        Arguments.requireNonNegative(idle, "idle");
        Arguments.requireNonNegative(inUse, "inUse");
        Arguments.requireNonNegative(inFlight, "inFlight");
        Arguments.requireNonNegative(pending, "pending");
        Arguments.requirePositive(maxConnections, "maxConnections");
        if (idle + inUse != open) {
            throw new IllegalArgumentException("idle + inUse must equal open, got " + idle + " + " + inUse + " != " + open);
        }
    }
}
