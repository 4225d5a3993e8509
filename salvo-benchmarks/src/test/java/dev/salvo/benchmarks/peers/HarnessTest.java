package dev.salvo.benchmarks.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness's values: the result line, medians and paired differences, the options. */
class HarnessTest {

    @Test
    void resultLineRoundTripsWithSpacesInTheError() {
        RunResult result = new RunResult(12345.6, 100_000, 2_000_000, 3456, 12_500, 2,
                "java.io.IOException: status 503 from http://127.0.0.1:1/get");
        RunResult back = RunResult.parse(result.toLine());
        assertEquals(result, back);
    }

    @Test
    void mediansAndPairedDifferences() {
        assertEquals(2.0, Measurements.median(new double[] {3, 1, 2}));
        assertEquals(2.5, Measurements.median(new double[] {4, 1, 3, 2}));
        assertTrue(Double.isNaN(Measurements.median(new double[0])));

        Measurements m = new Measurements();
        double[][] cpuMicros = {{20, 10}, {50, 12}, {22, 11}}; // salvo, bare per repetition
        for (double[] pair : cpuMicros) {
            m.add("/get", 64, Peer.SALVO_NETTY, run(1000, (long) (pair[0] * 1000)));
            m.add("/get", 64, Peer.NETTY_TRANSPORT, run(2000, (long) (pair[1] * 1000)));
        }
        // paired: 10, 38, 11 → 11; medians of each side would give 22 − 11 = 11 too, but from other runs
        assertEquals(11.0, new OverheadPair("Netty", Peer.SALVO_NETTY, Peer.NETTY_TRANSPORT, true)
                .cpuDeltaMicros(m, "/get", 64), 1e-9);
        assertEquals(22_000, m.median("/get", 64, Peer.SALVO_NETTY).cpuNanosPerRequest());
        assertEquals(3, m.runs("/get", 64, Peer.SALVO_NETTY).size());
        assertThrows(IllegalArgumentException.class, () -> m.median("/get", 1, Peer.SALVO_NETTY));
    }

    @Test
    void optionsDefaultsAndErrors() {
        Plan full = Plan.parse(new String[0]);
        assertEquals(List.of(1, 16, 64, 256), full.levels());
        assertEquals(List.of("/get", "/bytes/1024"), full.paths());
        assertEquals(Plan.ALTERNATION, full.peers());
        assertEquals(Path.of("docs/benchmarks/clients.md"), full.out());

        Plan quick = Plan.parse(new String[] {"--quick", "--clients", "ahc,salvo-netty", "--levels", "4"});
        assertEquals(List.of(Peer.AHC, Peer.SALVO_NETTY), quick.peers());
        assertEquals(full.requests(4) / 10, quick.requests(4));
        assertTrue(quick.out().toString().contains("target"), "a smoke run does not overwrite the report");
        assertEquals(500, Plan.parse(new String[] {"--requests", "500"}).requests(256));
        assertEquals(15, full.warmupSeconds());
        assertEquals(List.of(4, 3), List.of(quick.warmupLevel(), Plan.parse(new String[] {"--warmup", "3"}).warmupSeconds()));

        assertThrows(IllegalArgumentException.class, () -> Plan.parse(new String[] {"--bogus"}));
        assertThrows(IllegalArgumentException.class, () -> Plan.parse(new String[] {"--clients", "curl"}));
        assertThrows(IllegalArgumentException.class, () -> Plan.parse(new String[] {"--levels", "0"}));
        assertThrows(IllegalArgumentException.class, () -> Plan.parse(new String[] {"--warmup", "-1"}));
    }

    @Test
    void http2OptionsDefaultsAndErrors() {
        Plan h2 = Plan.parse(new String[] {"--http2"});
        assertTrue(h2.http2());
        assertEquals(Plan.ALTERNATION_H2, h2.peers());
        assertEquals(List.of(64, 256), h2.levels());
        assertEquals(List.of("/get"), h2.paths());
        assertEquals(Path.of("docs/benchmarks/clients-h2.md"), h2.out(), "the HTTP/1.1 report stays");
        assertTrue(Plan.parse(new String[] {"--http2", "--quick"}).out().toString().contains("target"));
        assertTrue(Plan.ALTERNATION_H2.stream().allMatch(Peer::speaksH2c));
        assertTrue(!Plan.parse(new String[0]).http2());
        IllegalArgumentException noH2 = assertThrows(IllegalArgumentException.class,
                () -> Plan.parse(new String[] {"--http2", "--clients", "salvo-netty,ahc"}));
        assertTrue(noH2.getMessage().contains("ahc"), noH2::getMessage);
    }

    @Test
    void peerRoles() {
        long compared = List.of(Peer.values()).stream().filter(Peer::isCompared).count();
        assertEquals(8, compared, "the eight clients of the issue");
        for (Peer peer : Plan.ALTERNATION) {
            assertEquals(peer, Peer.byKey(peer.key()));
        }
        assertTrue(!Plan.ALTERNATION.get(0).runsWithPrevious(), "the alternation starts with a client that may lead");
    }

    private static RunResult run(double rps, long cpuNanos) {
        return new RunResult(rps, 1, 2, 3, cpuNanos, 0, "-");
    }
}
