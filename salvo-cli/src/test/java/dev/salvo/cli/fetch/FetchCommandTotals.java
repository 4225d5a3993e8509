package dev.salvo.cli.fetch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.cli.CliRun;
import java.util.regex.Pattern;

/** Reading {@code salvo fetch}'s seed lines in tests. */
final class FetchCommandTotals {
    private FetchCommandTotals() {
    }

    /** The run's {@code Total time:} in seconds (the first one). */
    static double total(CliRun run) {
        String line = run.out().stream().filter(l -> l.startsWith("Total time: ")).findFirst()
                .orElseThrow(() -> new AssertionError("no total in " + run));
        assertTrue(line.matches("Total time: \\d+\\.\\d\\d"), line);
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    /** {@code text} as a literal regex. */
    static String q(String text) {
        return Pattern.quote(text);
    }
}
