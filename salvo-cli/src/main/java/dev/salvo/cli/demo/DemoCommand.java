package dev.salvo.cli.demo;

import dev.salvo.cli.batches.BatchesScenario;
import dev.salvo.cli.common.BadInputException;
import dev.salvo.cli.common.OneLineErrors;
import dev.salvo.cli.common.Output;
import dev.salvo.cli.common.ServerTarget;
import dev.salvo.cli.common.TransportOptions;
import dev.salvo.cli.fetch.FetchScenario;
import dev.salvo.cli.isbn.IsbnScenario;
import dev.salvo.cli.promise.PromiseScenario;
import dev.salvo.cli.report.HtmlReport;
import dev.salvo.cli.report.SummaryTable;
import dev.salvo.cli.scenario.Scenario;
import dev.salvo.cli.scenario.ScenarioContext;
import dev.salvo.cli.scenario.ScenarioResult;
import dev.salvo.cli.search.SearchScenario;
import dev.salvo.cli.serve.StrategiesScenario;
import dev.salvo.server.ServerConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code salvo demo}: every seed replayed offline, slow way then concurrent way, with a summary. */
@Command(name = "demo", sortOptions = false,
        description = {"Replay the seed experiments (S1-S6) offline, the slow way then the concurrent way.",
            "Runs on the embedded server, prints in the seeds' own output formats, then a summary table. "
                + "About a minute at scale 1."})
public final class DemoCommand implements Callable<Integer> {
    /** Seconds the whole demo takes at scale 1, roughly, for the announcement line. */
    private static final double SECONDS_AT_SCALE_ONE = 50;
    private static final double MAX_SCALE = 5;
    private static final List<String> WARM_UP_PATHS = List.of("/get", "/delay/0.01", "/?cost=0.01",
            "/books/v1/volumes?q=isbn:9780007355143");
    private static final List<Scenario> SCENARIOS = List.of(new SearchScenario(), new FetchScenario(),
            new BatchesScenario(), new IsbnScenario(), new StrategiesScenario(), new PromiseScenario());

    @Spec
    CommandSpec spec;

    @Option(names = "--only", paramLabel = "ID", split = ",", description = "Run only these scenarios, e.g. --only S1,S4.")
    List<String> only = new ArrayList<>();

    @Option(names = "--scale", paramLabel = "F", defaultValue = "1",
            description = "Multiply every cost (delays, latencies, job times) by F, in (0, 5]; ratios stay (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write an HTML report with a waterfall per scenario.")
    Path report;

    @Mixin
    TransportOptions transport;

    @Override
    public Integer call() throws Exception {
        if (!(scale > 0 && scale <= MAX_SCALE)) {
            throw new ParameterException(spec.commandLine(), "--scale must be in (0, 5], got " + scale);
        }
        List<Scenario> chosen = choose();
        Path reportDir = report == null ? null : report.toAbsolutePath().getParent();
        if (reportDir != null && !java.nio.file.Files.isDirectory(reportDir)) {
            throw new BadInputException("cannot write the report: no directory " + reportDir);
        }
        Output output = Output.of(spec);
        output.line(String.format(Locale.ROOT, "Salvo demo: %s at scale %s (every cost x %s; the ratios stay), about %.0f s.",
                chosen.stream().map(Scenario::id).collect(Collectors.joining(" ")), SummaryTable.scale(scale),
                SummaryTable.scale(scale), SECONDS_AT_SCALE_ONE * scale * chosen.size() / SCENARIOS.size()));
        List<ScenarioResult> results = new ArrayList<>();
        ServerTarget server = ServerTarget.embedded(ServerConfig.newBuilder()
                .booksLatency(scaled(0.5)).searchJobTime(scaled(0.25)).build());
        try (server) {
            output.line("Embedded server: " + server.base() + " (strategy async)");
            server.warmUp(transport, WARM_UP_PATHS);
            ScenarioContext context = new ScenarioContext(output, scale, transport, server);
            for (Scenario scenario : chosen) {
                output.line("");
                output.line("==== " + scenario.id() + " " + scenario.title() + " ====");
                results.add(scenario.run(context));
            }
        }
        output.line("");
        output.line("==== Summary ====");
        SummaryTable.lines(results).forEach(output::line);
        if (report != null) {
            HtmlReport.write(report, results, scale);
            output.line("Report: " + report.toAbsolutePath());
        }
        int failures = results.stream().mapToInt(ScenarioResult::failures).sum();
        if (failures > 0) {
            output.message("Error: " + failures + " request(s) failed during the demo");
        }
        return failures == 0 ? 0 : OneLineErrors.FAILED;
    }

    private java.time.Duration scaled(double seconds) {
        return java.time.Duration.ofNanos(Math.round(seconds * scale * 1e9));
    }

    private List<Scenario> choose() {
        if (only.isEmpty()) {
            return SCENARIOS;
        }
        List<Scenario> chosen = new ArrayList<>();
        for (String id : only) {
            Scenario scenario = SCENARIOS.stream().filter(s -> s.id().equalsIgnoreCase(id.strip())).findFirst()
                    .orElseThrow(() -> new ParameterException(spec.commandLine(), "unknown scenario '" + id
                            + "' in --only; known: " + SCENARIOS.stream().map(Scenario::id).collect(Collectors.joining(","))));
            if (!chosen.contains(scenario)) {
                chosen.add(scenario);
            }
        }
        chosen.sort(java.util.Comparator.comparingInt(SCENARIOS::indexOf));
        return chosen;
    }
}
