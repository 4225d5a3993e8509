package dev.salvo.benchmarks.peers;

import java.util.List;

/**
 * Salvo over a transport and the same transport bare: the two runs whose difference is Salvo's
 * overhead. Immutable.
 *
 * @param name the transport's name in the report
 * @param salvo the client with Salvo's layer
 * @param bare the transport alone
 * @param judged whether the overhead goal applies (Salvo's default settings), or the row only explains
 */
record OverheadPair(String name, Peer salvo, Peer bare, boolean judged) {
    private static final List<OverheadPair> ALL = List.of(
            new OverheadPair("Netty", Peer.SALVO_NETTY, Peer.NETTY_TRANSPORT, true),
            new OverheadPair("Netty, direct callbacks", Peer.SALVO_NETTY_DIRECT, Peer.NETTY_TRANSPORT, false),
            new OverheadPair("Netty, pool callbacks", Peer.SALVO_NETTY_POOL, Peer.NETTY_TRANSPORT, false),
            new OverheadPair("JDK", Peer.SALVO_JDK, Peer.JDK_TRANSPORT, true));

    /** The pairs of which the plan measures both halves. */
    static List<OverheadPair> in(Plan plan) {
        return ALL.stream().filter(p -> plan.peers().contains(p.salvo) && plan.peers().contains(p.bare)).toList();
    }

    /** Median paired difference of 10⁶ ÷ requests/s. */
    double wallDeltaMicros(Measurements measurements, String path, int level) {
        return measurements.medianPairedDifference(path, level, salvo, bare, r -> 1e6 / r.requestsPerSecond());
    }

    /** Median paired difference of the client JVM's CPU µs per request. */
    double cpuDeltaMicros(Measurements measurements, String path, int level) {
        return measurements.medianPairedDifference(path, level, salvo, bare, r -> r.cpuNanosPerRequest() / 1e3);
    }
}
