package dev.salvo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class FetchCommandTest {
    private static final String TIME = "\\d+\\.\\d\\d";
    @RegisterExtension
    static final QuickServer server = new QuickServer();

    @Test
    void bothModesPrintTheSeedFormat() {
        String slow = server.url("/delay/0.3");
        String fast = server.url("/get");
        CliRun run = CliRun.of("fetch", "--mode", "both", slow, fast, server.url("/status/404"));
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(12, run.out().size(), run::toString);
        run.assertLine(0, "\\*\\*\\*\\* SYNC \\*\\*\\*\\*")
                .assertLine(1, q(slow) + " " + TIME)
                .assertLine(2, q(fast) + " " + TIME)
                .assertLine(3, q(server.url("/status/404")) + " " + TIME)
                .assertLine(4, "Total time: " + TIME)
                .assertLine(5, "\\[200, 200, 404\\]")
                .assertLine(6, "\\*\\*\\*\\* ASYNC \\*\\*\\*\\*")
                .assertLine(9, q(slow) + " " + TIME)
                .assertLine(10, "Total time: " + TIME)
                .assertLine(11, "\\[200, 200, 404\\]");
        assertTrue(run.out().subList(7, 9).stream().noneMatch(line -> line.startsWith(slow)),
                () -> "async lines are in completion order: " + run);
        double syncTotal = total(run.out().get(4));
        assertTrue(syncTotal >= 0.3, run::toString);
    }

    @Test
    void asyncTotalIsAboutTheLongestCall() {
        String delay = server.url("/delay/0.4");
        CliRun run = CliRun.of("fetch", delay, delay, delay, delay); // async is the default
        assertEquals(0, run.exitCode(), run::toString);
        run.assertLine(0, "\\*\\*\\*\\* ASYNC \\*\\*\\*\\*").assertLine(6, "\\[200, 200, 200, 200\\]");
        double total = total(run.out().get(5));
        assertTrue(total >= 0.4 && total < 1.5, () -> "four 0.4 s calls at once took " + total);
    }

    @Test
    void theJdkTransportPrintsTheSame() {
        String delay = server.url("/delay/0.2");
        CliRun run = CliRun.of("fetch", "--mode", "both", "--transport", "jdk", delay, server.url("/get"));
        assertEquals(0, run.exitCode(), run::toString);
        run.assertLine(0, "\\*\\*\\*\\* SYNC \\*\\*\\*\\*").assertLine(4, "\\[200, 200\\]")
                .assertLine(6, q(server.url("/get")) + " " + TIME).assertLine(7, q(delay) + " " + TIME);
        CliRun.of("fetch", "--transport", "carrier-pigeon", delay).assertBadInput("carrier-pigeon");
    }

    @Test
    void concurrencyLimitQueuesTheRest() {
        String delay = server.url("/delay/0.3");
        CliRun run = CliRun.of("fetch", "--mode", "async", "-c", "1", delay, delay, delay);
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(total(run.out().get(4)) >= 0.9, run::toString);
    }

    @Test
    void aFailedUrlPrintsItsErrorAndTheOthersGoOn() {
        String dead = TestServers.deadUrl() + "/get";
        CliRun run = CliRun.of("fetch", "--mode", "sync", server.url("/get"), dead, server.url("/get"));
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().isEmpty(), () -> "the exception chain is for -v only: " + run);
        run.assertLine(2, q(dead) + " " + TIME + " error: connection refused")
                .assertLine(3, q(server.url("/get")) + " " + TIME)
                .assertLine(5, "\\[200, ERR, 200\\]");
    }

    @Test
    void urlsComeFromAFileToo(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("urls.txt");
        Files.write(file, List.of("# the seed's list, offline", "", server.url("/get"), "  " + server.url("/uuid") + "  "));
        CliRun run = CliRun.of("fetch", "--mode", "sync", "-f", file.toString());
        assertEquals(0, run.exitCode(), run::toString);
        run.assertLine(1, q(server.url("/get")) + " " + TIME).assertLine(2, q(server.url("/uuid")) + " " + TIME);
    }

    @Test
    void aMissingFileIsBadInput(@TempDir Path dir) {
        CliRun.of("fetch", "-f", dir.resolve("nope.txt").toString()).assertBadInput("no such file");
    }

    @Test
    void aMalformedUrlIsBadInputBeforeAnythingIsSent() {
        CliRun run = CliRun.of("fetch", server.url("/get"), "ftp://example.com/x").assertBadInput("ftp://example.com/x");
        assertTrue(run.out().isEmpty(), run::toString);
    }

    @Test
    void noUrlsIsBadInput() {
        CliRun.of("fetch").assertBadInput("no URLs");
    }

    @Test
    void aWrongModeIsBadInput() {
        CliRun.of("fetch", "--mode", "sideways", server.url("/get")).assertBadInput("sideways");
    }

    static double total(String line) {
        assertTrue(line.startsWith("Total time"), line);
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    static String q(String text) {
        return java.util.regex.Pattern.quote(text);
    }

    @Test
    void rateSpacesTheCallsAndBadRatesAreBadInput() {
        String get = server.url("/get");
        long start = System.nanoTime();
        CliRun run = CliRun.of("fetch", "--rate", "20/s", get, get, get, get, get, get, get, get, get, get, get);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(seconds >= 0.45, "11 URLs at 20/s take at least 0.5 s, took " + seconds);
        CliRun.of("fetch", "--rate", "0", get).assertBadInput("more than 0");
        CliRun.of("fetch", "--rate", "abc", get).assertBadInput("abc");
        CliRun.of("fetch", "--rate", "5/fortnight", get).assertBadInput("5/fortnight");
    }

    /** A server that notes when each request arrived, answering 200 at once. */
    private static HttpServer arrivals(ConcurrentLinkedQueue<Long> at) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        http.createContext("/", exchange -> {
            at.add(System.nanoTime());
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("ok".getBytes());
            exchange.close();
        });
        http.start();
        return http;
    }

    @Test
    void rateTakesTheWholeListWhateverTheHosts() throws IOException {
        ConcurrentLinkedQueue<Long> onA = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> onB = new ConcurrentLinkedQueue<>();
        HttpServer a = arrivals(onA);
        HttpServer b = arrivals(onB);
        try {
            List<String> args = new ArrayList<>(List.of("fetch", "--rate", "5/s"));
            for (int i = 0; i < 6; i++) { // two origins, interleaved: 12 URLs, 6 to each
                args.add("http://127.0.0.1:" + a.getAddress().getPort() + "/a" + i);
                args.add("http://127.0.0.1:" + b.getAddress().getPort() + "/b" + i);
            }
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertEquals(0, run.exitCode(), run::toString);
            assertEquals(6, onA.size(), "every URL reached its server once: " + onA);
            assertEquals(6, onB.size(), "every URL reached its server once: " + onB);
            List<Long> all = new ArrayList<>(onA);
            all.addAll(onB);
            Collections.sort(all);
            double span = (all.get(all.size() - 1) - all.get(0)) / 1e9;
            // one bucket over the list: 11 gaps of 0.2 s, about 2.2 s; a bucket per origin would
            // let each server's 6 through in about 1 s, side by side
            assertTrue(span >= 1.6, "12 URLs on two origins at 5/s arrive over about 2.2 s, took " + span + " s");
            assertTrue(span < 15, "and not absurdly slower, took " + span + " s");
        } finally {
            a.stop(0);
            b.stop(0);
        }
    }

    @Test
    void adaptiveFetchesTheList() {
        String get = server.url("/get");
        assertEquals(0, CliRun.of("fetch", "--adaptive", get, get, get).exitCode());
    }
}
