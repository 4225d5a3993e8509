package dev.salvo.cli.bench;

import dev.salvo.bench.BenchResult;
import dev.salvo.bench.HtmlReport;
import dev.salvo.bench.JsonReport;
import dev.salvo.bench.Slo;
import dev.salvo.bench.TextReport;
import dev.salvo.cli.common.BadInputException;
import dev.salvo.cli.common.OneLineErrors;
import dev.salvo.cli.common.Output;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code bench} and {@code bench merge} do with a result: print the text report, write the
 * JSON and HTML files asked for, and pick the exit code. Stateless.
 */
final class BenchReports {
    /** Exit code when at least one {@code --slo} objective failed. */
    static final int SLO_FAILED = 3;

    private BenchReports() {
    }

    /** Prints and writes {@code result}; returns 0, or {@link #SLO_FAILED}. */
    static int report(BenchResult result, Output output, Path json, Path html) {
        for (String line : TextReport.render(result).stripTrailing().split("\n", -1)) {
            output.line(line);
        }
        try {
            if (json != null) {
                JsonReport.write(result, json);
                output.message("JSON report: " + json);
            }
            if (html != null) {
                HtmlReport.write(result, html);
                output.message("HTML report: " + html);
            }
        } catch (UncheckedIOException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        if (!result.slosPassed()) {
            long failed = result.sloVerdicts().stream().filter(v -> !v.passed()).count();
            output.message("Error: " + failed + " of " + result.sloVerdicts().size() + " objectives failed");
            return SLO_FAILED;
        }
        return 0;
    }

    /** The {@code --slo} expressions, parsed; a bad one is a one-line error naming the flag. */
    static List<Slo> objectives(List<String> expressions) {
        return expressions.stream().map(expression -> {
            try {
                return Slo.parse(expression);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--slo: " + e.getMessage(), e);
            }
        }).toList();
    }

    /** Fails at once when {@code file} (an output flag) cannot be written. */
    static void writable(Path file, String flag) {
        if (file == null) {
            return;
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir) || Files.isDirectory(file)) {
            throw new BadInputException(flag + ": cannot write " + file + " (no such directory, or it is a directory)");
        }
    }

    /** The exit code of a run that got no response at all. */
    static int noResponses(BenchResult result, Output output) {
        output.message("Error: no responses: all " + result.requests() + " requests failed ("
                + BenchSettings.errorSummary(result) + ")");
        return OneLineErrors.FAILED;
    }
}
