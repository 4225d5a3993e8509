package dev.salvo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class IsbnCommandTest {
    private static final List<String> VARIANTS = List.of("sync_main", "async_main_long",
            "async_main_multi_line_loop", "async_main_sep_tasks");
    @RegisterExtension
    static final QuickServer server = new QuickServer();

    @Test
    void fourVariantsPrintBooksThenTimings() {
        String[] isbns = {"9780007355143", "9780008108298", "978-0-547-24964-3", "9781405882583"};
        CliRun run = CliRun.of("isbn", "--server", server.url("/"), isbns[0], isbns[1], isbns[2], isbns[3]);
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(4 * 4 + 1 + 4, run.out().size(), run::toString);
        List<String> books = run.out().subList(0, 16);
        for (String line : books) {
            assertTrue(Pattern.matches("[0-3]: \\S.*", line), line);
            assertTrue(!line.contains("error") && !line.contains("no book"), run::toString);
        }
        assertEquals(List.of("0", "1", "2", "3"), books.subList(0, 4).stream().map(l -> l.substring(0, 1)).toList(),
                "sync_main prints in input order");
        assertEquals("", run.out().get(16));
        double[] seconds = new double[4];
        for (int i = 0; i < 4; i++) {
            String line = run.out().get(17 + i);
            assertTrue(Pattern.matches(Pattern.quote(VARIANTS.get(i)) + " +took \\d+\\.\\d{3} seconds", line), line);
            assertEquals(30, line.indexOf(" took"), "the name is padded to 30 columns: " + line);
            seconds[i] = Double.parseDouble(line.split(" +")[2]);
        }
        assertTrue(seconds[0] >= 4 * 0.02 && seconds[1] >= 4 * 0.02 && seconds[2] >= 4 * 0.02, run::toString);
    }

    @Test
    void anUnknownIsbnSaysSoWithoutFailing() {
        CliRun run = CliRun.of("isbn", "--server", server.url("/"), "9999999999999");
        assertEquals(0, run.exitCode(), run::toString);
        run.assertLine(0, "0: no book with ISBN 9999999999999");
    }

    @Test
    void aDeadServerFailsEachLookupOnItsLine() {
        CliRun run = CliRun.of("isbn", "--server", TestServers.deadUrl(), "9780007355143");
        assertEquals(1, run.exitCode(), run::toString);
        run.assertLine(0, "0: error: .*Connect.*");
        assertEquals(4, run.out().stream().filter(l -> l.startsWith("0: error")).count());
    }

    @Test
    void badInputIsOneLine() {
        CliRun.of("isbn", "12345").assertBadInput("'12345' is not an ISBN");
        CliRun.of("isbn", "--server", "ftp://x", "9780007355143").assertBadInput("--server");
    }
}
