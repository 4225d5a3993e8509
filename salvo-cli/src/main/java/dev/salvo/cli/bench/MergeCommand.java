package dev.salvo.cli.bench;

import dev.salvo.bench.BenchMerge;
import dev.salvo.bench.BenchResult;
import dev.salvo.bench.JsonResult;
import dev.salvo.cli.common.BadInputException;
import dev.salvo.cli.common.Output;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code salvo bench merge A.json B.json …}: one exact report from the {@code --json} reports of
 * runs made together on several machines (their histograms added, not their percentiles averaged).
 */
@Command(name = "merge", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Merge the --json reports of runs made together (say on several machines, started with "
            + "--start-at) into one exact report: histograms are added, counts summed, seconds aligned."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:merged; every objective met", "2:bad input (a missing or damaged file, a bad flag)",
            "3:an objective (--slo, or the first report's) failed"})
public final class MergeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Reports written by salvo bench --json.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--slo", paramLabel = "OBJECTIVE",
            description = "Check the merged run against OBJECTIVE instead of the first report's; repeatable.")
    List<String> slos = new ArrayList<>();

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the merged report as JSON to FILE.")
    Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the merged report as HTML to FILE.")
    Path html;

    @Override
    public Integer call() {
        BenchReports.writable(json, "--json");
        BenchReports.writable(html, "--html");
        var objectives = BenchReports.objectives(slos);
        List<BenchResult> parts = new ArrayList<>();
        for (Path file : files) {
            try {
                parts.add(JsonResult.read(file));
            } catch (NoSuchFileException e) {
                throw new BadInputException(file + ": no such file", e);
            } catch (IOException e) {
                throw new BadInputException(file + ": cannot read: " + BenchSettings.reason(e), e);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage(), e);
            }
        }
        return BenchReports.report(BenchMerge.of(parts, objectives), Output.of(spec), json, html);
    }
}
