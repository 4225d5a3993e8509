package dev.salvo.cli.bench;

import dev.salvo.bench.BenchConfig;
import dev.salvo.bench.BenchResult;
import dev.salvo.bench.BenchRun;
import dev.salvo.bench.HtmlReport;
import dev.salvo.bench.JsonReport;
import dev.salvo.bench.LoadTransport;
import dev.salvo.bench.Progress;
import dev.salvo.bench.TextReport;
import dev.salvo.cli.common.BadInputException;
import dev.salvo.cli.common.CleanStop;
import dev.salvo.cli.common.DurationConverter;
import dev.salvo.cli.common.OneLineErrors;
import dev.salvo.cli.common.Output;
import dev.salvo.client.spi.Transport;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code salvo bench URL}: loads one URL in the closed model ({@code -c} connections back to back)
 * or the open model ({@code -R} requests per second, coordinated omission corrected) and prints
 * the report. Exit 0 when any response came back, 1 when none did, 2 for bad input.
 */
@Command(name = "bench", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Load one URL and report throughput, latency percentiles, status codes and errors.",
            "%nClosed model by default: -c connections, each sending back to back. -R RATE switches to the open "
                + "model, where latency counts from each request's intended send time, so coordinated omission is "
                + "corrected (see docs/bench.md)."})
public final class BenchCommand implements Callable<Integer> {
    /** How long Ctrl-C waits for the partial report before the JVM goes on stopping. */
    private static final long REPORT_ON_STOP_SECONDS = 5;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "URL", description = "The http:// or https:// URL to load.")
    String url;

    @Option(names = {"-c", "--connections"}, paramLabel = "N", defaultValue = "64",
            description = "Concurrent connections (open model: most requests in flight). Default: ${DEFAULT-VALUE}.")
    int connections;

    @Option(names = {"-n", "--requests"}, paramLabel = "N", description = "Send exactly N measured requests.")
    Long requests;

    @Option(names = {"-d", "--duration"}, paramLabel = "TIME", converter = DurationConverter.class,
            description = "Measure for TIME (10s, 2m, 500ms). Default: 10s unless -n is given.")
    Duration duration;

    @Option(names = {"-R", "--rate"}, paramLabel = "RATE",
            description = "Open model: RATE requests per second in total, whatever the latency.")
    Double rate;

    @Option(names = "--threads", paramLabel = "T", description = "I/O threads. Default: one per core.")
    Integer threads;

    @Option(names = {"-m", "--method"}, paramLabel = "METHOD", defaultValue = "GET", description = "Default: GET.")
    String method;

    @Option(names = {"-H", "--header"}, paramLabel = "'K: V'", description = "A request header; repeatable.")
    List<String> headers = new ArrayList<>();

    @Option(names = {"-b", "--body"}, paramLabel = "BODY", description = "The request body (UTF-8 text).")
    String body;

    @Option(names = {"-B", "--body-file"}, paramLabel = "FILE", description = "The request body, from a file.")
    Path bodyFile;

    @Option(names = "--timeout", paramLabel = "TIME", defaultValue = "5s", converter = DurationConverter.class,
            description = "Longest wait for one response; slower ones count as timeout errors. Default: 5s.")
    Duration timeout;

    @Option(names = "--no-keepalive", description = "A new connection for every request.")
    boolean noKeepAlive;

    @Option(names = "--warmup", paramLabel = "TIME", converter = DurationConverter.class,
            description = "Load sent first and left out of the figures. Default: 2s with -d, none with -n.")
    Duration warmup;

    @Option(names = "--transport", paramLabel = "KIND", defaultValue = "netty",
            description = "netty (default) or jdk.")
    String transport;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the report as JSON to FILE.")
    Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write a self-contained HTML report to FILE.")
    Path html;

    /** Runs {@code bench} alone, without the rest of the {@code salvo} command (for scripts and profiling). */
    public static void main(String[] args) {
        System.exit(OneLineErrors.install(new CommandLine(new BenchCommand())).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        BenchConfig config = new BenchSettings(this).config();
        Transport load = openTransport(config);
        Output output = Output.of(spec);
        try (AutoCloseable closeTransport = CleanStop.closeOnStop(load)) {
            BenchRun run = BenchRun.start(config, load);
            CountDownLatch reported = new CountDownLatch(1);
            // Ctrl-C: the shutdown hook stops the run, then waits for the partial report printed below.
            try (AutoCloseable stopOnSignal = CleanStop.closeOnStop(() -> {
                run.stop();
                reported.await(REPORT_ON_STOP_SECONDS, TimeUnit.SECONDS);
            })) {
                BenchResult result;
                try (Output.Progress progress = output.progress(() -> progressLine(run.progress()))) {
                    result = run.await();
                }
                try {
                    report(result, output);
                } finally {
                    reported.countDown();
                }
                if (result.responses() == 0) {
                    output.message("Error: no responses: all " + result.requests() + " requests failed ("
                            + BenchSettings.errorSummary(result) + ")");
                    return OneLineErrors.FAILED;
                }
                return 0;
            }
        }
    }

    private Transport openTransport(BenchConfig config) {
        LoadTransport kind = BenchSettings.transport(transport);
        int ioThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        try {
            return kind.open(config.connections(), ioThreads, !noKeepAlive, config.timeout());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    private void report(BenchResult result, Output output) {
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
    }

    /** The progress line: requests done and the current rate; {@link Output} adds the elapsed time. */
    static String progressLine(Progress progress) {
        return String.format(Locale.ROOT, "%s%,d done  %,.0f req/s", progress.warmingUp() ? "warming up  " : "",
                progress.done(), progress.requestsPerSecond());
    }
}
