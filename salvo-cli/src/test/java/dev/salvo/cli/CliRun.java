package dev.salvo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One run of {@code salvo} in this JVM, its output captured.
 *
 * @param exitCode what the process would have exited with
 * @param out      stdout lines
 * @param err      stderr lines
 */
public record CliRun(int exitCode, List<String> out, List<String> err) {

    /** Runs {@code salvo args…}. */
    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString().lines().toList(), err.toString().lines().toList());
    }

    /** Asserts a bad-input failure: exit code 2 and exactly one stderr line, {@code Error: …}, containing {@code text}. */
    public CliRun assertBadInput(String text) {
        assertEquals(2, exitCode, this::toString);
        assertEquals(1, err.size(), this::toString);
        assertTrue(err.get(0).startsWith("Error: ") && err.get(0).contains(text), this::toString);
        return this;
    }

    /** Asserts stdout line {@code index} matches {@code regex} entirely. */
    public CliRun assertLine(int index, String regex) {
        assertTrue(index < out.size(), () -> "no line " + index + " in " + this);
        assertTrue(Pattern.matches(regex, out.get(index)), () -> "line " + index + " '" + out.get(index)
                + "' does not match " + regex + " in " + this);
        return this;
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + String.join("\n", out) + "\n--- stderr\n" + String.join("\n", err);
    }
}
