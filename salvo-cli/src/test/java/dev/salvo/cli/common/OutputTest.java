package dev.salvo.cli.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class OutputTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void onATerminalProgressAppearsAfterASecondAndNeverTearsALine() throws InterruptedException {
        Output output = new Output(new PrintWriter(out), new PrintWriter(err), true);
        try (Output.Progress progress = output.progress(() -> "fetching 3/10")) {
            long start = System.nanoTime();
            Thread.sleep(300); // not synchronisation: some time inside the first second, where nothing may show
            assertEquals("", err.toString(), "nothing in the first second");
            long deadline = start + 20_000_000_000L;
            while (!err.toString().contains("\r\033[Kfetching 3/10  1.") && System.nanoTime() < deadline) {
                Thread.sleep(5); // the poll interval of this bounded loop
            }
            assertTrue(err.toString().contains("\r\033[Kfetching 3/10  1."), err::toString);
            assertTrue(System.nanoTime() - start >= 900_000_000L, "not before the first second");
            output.line("a result");
            assertTrue(err.toString().endsWith("\r\033[K"), "the progress line is cleared before a line: " + err);
        }
        assertEquals("a result" + System.lineSeparator(), out.toString());
        assertTrue(err.toString().endsWith("\r\033[K"), "closing clears the progress line");
    }

    @Test
    void whenPipedThereIsNoProgressAtAll() throws InterruptedException {
        Output output = new Output(new PrintWriter(out), new PrintWriter(err), false);
        try (Output.Progress progress = output.progress(() -> "fetching")) {
            Thread.sleep(1300); // not synchronisation: past the second when a terminal would show progress
            output.line("x");
        }
        assertEquals("", err.toString());
        assertEquals("x" + System.lineSeparator(), out.toString());
    }

    @Test
    void elapsedPrintsTheSeedsFormats() {
        Elapsed elapsed = Elapsed.of(5_250_000_123L);
        assertEquals("5.25", elapsed.twoDecimals());
        assertEquals("5.250", elapsed.threeDecimals());
        assertEquals("0:00:05.250000", elapsed.clock());
        assertEquals("1:01:01.000001", Elapsed.of(3_661_000_001_000L).clock());
    }
}
