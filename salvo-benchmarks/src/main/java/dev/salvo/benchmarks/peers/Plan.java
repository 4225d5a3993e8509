package dev.salvo.benchmarks.peers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one benchmark run measures and how much: the clients in the order they alternate, the
 * concurrency levels, the paths, the repetitions and the request counts. Immutable.
 *
 * @param peers clients, in alternation order (each bare transport right after its Salvo, so the
 *              pair runs close together in time)
 * @param http2 every client speaks h2c to the server (issue 13) instead of HTTP/1.1
 * @param levels concurrency levels
 * @param paths server paths, e.g. {@code /get}
 * @param reps measured runs per client, path and level
 * @param quick smoke run: one tenth of the requests
 * @param requestsOverride requests per measured run at every level, or 0 for the planned counts
 * @param warmupSeconds how long each client runs each path before anything is measured (JIT)
 * @param out where the report goes
 * @param workerFlags extra JVM flags for every worker (e.g. a JFR recording)
 * @param command the command line the report quotes
 */
record Plan(List<Peer> peers, boolean http2, List<Integer> levels, List<String> paths, int reps, boolean quick,
        int requestsOverride, int warmupSeconds, Path out, List<String> workerFlags, String command) {

    static final List<Peer> ALTERNATION = List.of(Peer.SALVO_NETTY, Peer.NETTY_TRANSPORT, Peer.SALVO_NETTY_DIRECT,
            Peer.SALVO_NETTY_POOL, Peer.SALVO_JDK, Peer.SALVO_JDK_POOL, Peer.JDK_TRANSPORT, Peer.JDK, Peer.AHC, Peer.JETTY, Peer.OKHTTP, Peer.APACHE, Peer.VERTX);

    /** With {@code --http2}: Salvo and its bare transport, then the peers that speak h2c. */
    static final List<Peer> ALTERNATION_H2 = List.of(Peer.SALVO_NETTY, Peer.NETTY_TRANSPORT, Peer.JDK, Peer.JETTY,
            Peer.OKHTTP, Peer.VERTX);

    /** Requests per measured run: more at higher concurrency, where a run is faster per request. */
    int requests(int level) {
        if (requestsOverride > 0) {
            return requestsOverride;
        }
        int full = level <= 1 ? 5_000 : level <= 16 ? 30_000 : 60_000;
        return quick ? full / 10 : full;
    }

    /** The unmeasured run before every measured one: fills the pool to this concurrency, re-warms caches. */
    int preRun(int level) {
        return Math.max(quick ? 200 : 1_000, 4 * level);
    }

    /**
     * The concurrency of the warm-up: the measured levels' up to 64. A JVM here needs about 15 s of
     * load before its rate settles (a fixed 15,000 requests at c=16 left the first measured runs at a
     * quarter of the later ones' rate, so medians mixed cold and warm runs).
     */
    int warmupLevel() {
        return Math.min(64, maxLevel());
    }

    /** Requests per run of the warm-up, repeated until {@link #warmupSeconds()} have passed. */
    int warmupBatch() {
        return quick ? 2_000 : 20_000;
    }

    int maxLevel() {
        return levels.stream().mapToInt(Integer::intValue).max().orElse(1);
    }

    /**
     * Parses {@code [--quick] [--http2] [--reps N] [--requests N] [--warmup SECONDS] [--out FILE] [--clients k1,k2]
     * [--levels 1,16] [--paths /get] [--worker-flag FLAG]... [--command TEXT]}. {@code --clients}
     * runs the given clients (any {@link Peer}, also those not in the default alternation) in the
     * given order. {@code --http2}: h2c for every client ({@link #ALTERNATION_H2} by default, c=64
     * and c=256 on {@code /get}), the report in {@code docs/benchmarks/clients-h2.md}.
     *
     * @throws IllegalArgumentException for an unknown option or a bad value
     */
    static Plan parse(String[] args) {
        boolean quick = List.of(args).contains("--quick");
        boolean http2 = List.of(args).contains("--http2");
        List<Peer> peers = http2 ? ALTERNATION_H2 : ALTERNATION;
        List<Integer> levels = http2 ? List.of(64, 256) : List.of(1, 16, 64, 256);
        List<String> paths = http2 ? List.of("/get") : List.of("/get", "/bytes/1024");
        int reps = quick ? 1 : 7;
        int requests = 0;
        int warmup = quick ? 2 : 15;
        // a smoke run never overwrites the published report unless told to
        String name = http2 ? "clients-h2" : "clients";
        Path out = Path.of(quick ? "salvo-benchmarks/target/" + name + "-quick.md" : "docs/benchmarks/" + name + ".md");
        List<String> flags = new ArrayList<>();
        String command = "bench/clients.sh" + (quick ? " --quick" : "") + (http2 ? " --http2" : "");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick", "--http2" -> { }
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                case "--requests" -> requests = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--clients" -> peers = Arrays.stream(args[++i].split(",")).map(Peer::byKey).distinct().toList();
                case "--levels" -> levels = Arrays.stream(args[++i].split(",")).map(Integer::valueOf).toList();
                case "--paths" -> paths = List.of(args[++i].split(","));
                case "--worker-flag" -> flags.add(args[++i]);
                case "--command" -> command = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (reps < 1 || requests < 0 || warmup < 0 || peers.isEmpty() || levels.stream().anyMatch(l -> l < 1)) {
            throw new IllegalArgumentException("need reps >= 1, requests >= 0, warmup >= 0, at least one client, "
                    + "levels >= 1");
        }
        if (http2) {
            peers.stream().filter(p -> !p.speaksH2c()).findFirst().ifPresent(p -> {
                throw new IllegalArgumentException(p.key() + " does not speak h2c; leave it out of --http2 runs");
            });
        }
        return new Plan(peers, http2, levels, paths, reps, quick, requests, warmup, out, List.copyOf(flags), command);
    }
}
