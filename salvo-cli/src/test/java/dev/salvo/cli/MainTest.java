package dev.salvo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void helpListsEveryCommand() {
        CliRun run = CliRun.of("--help");
        assertEquals(0, run.exitCode(), run::toString);
        String help = String.join("\n", run.out());
        for (String command : new String[] {"demo", "fetch", "batches", "isbn", "search", "serve", "bench"}) {
            assertTrue(help.contains("  " + command + " "), () -> command + " missing from\n" + help);
        }
        assertTrue(help.contains("--verbose"), help);
    }

    @Test
    void everyCommandsSummaryIsAWholeSentence() {
        picocli.CommandLine commandLine = new picocli.CommandLine(new Main());
        for (var entry : commandLine.getSubcommands().entrySet()) {
            String[] description = entry.getValue().getCommandSpec().usageMessage().description();
            String summary = description[0].strip();
            assertTrue(summary.endsWith(".") || summary.endsWith(")"),
                    () -> entry.getKey() + "'s summary in salvo --help ends mid-sentence: " + summary);
        }
    }

    @Test
    void versionNamesSalvoAndJava() {
        CliRun run = CliRun.of("--version");
        assertEquals(0, run.exitCode());
        run.assertLine(0, "salvo \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?").assertLine(1, "Java .*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "fetch", "batches", "isbn", "search", "serve", "bench"})
    void everyCommandHasHelpAndVerbose(String command) {
        CliRun run = CliRun.of(command, "--help");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().get(0).startsWith("Usage: salvo " + command), run::toString);
        assertTrue(run.out().stream().anyMatch(line -> line.contains("-v, --verbose")), run::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "fetch", "batches", "isbn", "search", "serve"})
    void unknownFlagIsOneLineAndExitTwo(String command) {
        String[] args = command.equals("batches") ? new String[] {command, "-f", "x.json", "--no-such-flag"}
                : new String[] {command, "--no-such-flag"};
        CliRun.of(args).assertBadInput("Unknown option: '--no-such-flag'");
    }

    @Test
    void unknownCommandIsOneLine() {
        CliRun.of("frobnicate").assertBadInput("frobnicate");
    }

    @Test
    void noCommandPrintsUsageAsAnError() {
        CliRun run = CliRun.of();
        assertEquals(2, run.exitCode());
        assertTrue(run.err().get(0).startsWith("Usage: salvo"), run::toString);
    }

    @Test
    void badNumberIsOneLine() {
        CliRun.of("fetch", "-c", "lots", "http://127.0.0.1:1/").assertBadInput("'lots'");
    }
}
