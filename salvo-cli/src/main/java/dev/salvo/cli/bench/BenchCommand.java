package dev.salvo.cli.bench;

import dev.salvo.bench.BenchConfig;
import dev.salvo.bench.BenchResult;
import dev.salvo.bench.BenchRun;
import dev.salvo.bench.LoadTransport;
import dev.salvo.cli.common.BadInputException;
import dev.salvo.cli.common.CleanStop;
import dev.salvo.cli.common.DurationConverter;
import dev.salvo.cli.common.OneLineErrors;
import dev.salvo.cli.common.Output;
import dev.salvo.client.spi.Transport;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
 * or the open model ({@code -R} requests per second, coordinated omission corrected), shows a live
 * view on a terminal and prints the report. Exit 0 when responses came back and every objective
 * held, 1 when no response came back, 2 for bad input, 3 when an objective ({@code --slo}) failed.
 */
@Command(name = "bench", sortOptions = false, mixinStandardHelpOptions = true,
        subcommands = MergeCommand.class,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done; every objective (--slo) met", "1:no response at all",
            "2:bad input (a bad flag, URL, file or objective)", "3:an objective (--slo) failed"},
        description = {"Load one URL (or the flows of a --scenario) and report throughput, latency percentiles, "
            + "status codes, errors and pass/fail objectives.",
            "%nClosed model by default: -c connections, each sending back to back. -R RATE switches to the open "
                + "model, where latency counts from each request's intended send time, so coordinated omission is "
                + "corrected (see docs/bench.md)."})
public final class BenchCommand implements Callable<Integer> {
    /** How long Ctrl-C waits for the partial report before the JVM goes on stopping. */
    private static final long REPORT_ON_STOP_SECONDS = 5;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "URL", description = "The http:// or https:// URL to load.")
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

    @Option(names = "--http2", description = {"Speak HTTP/2 (h2c with prior knowledge for http://, h2 by ALPN",
            "for https://): -c connections carry --streams streams each."})
    boolean http2;

    @Option(names = {"--streams", "--max-concurrent-streams"}, paramLabel = "M", defaultValue = "1",
            description = {"With --http2: streams per connection, as h2load's -m; -c × M requests in flight.",
                    "Default: ${DEFAULT-VALUE}."})
    int streams;

    @Option(names = "--transport", paramLabel = "KIND", defaultValue = "netty",
            description = "netty (default) or jdk.")
    String transport;

    @Option(names = "--scenario", paramLabel = "FILE", description = {"Send the weighted flows of a YAML or JSON "
        + "scenario file instead of one request; URL is the base of its relative URLs (see docs/bench.md)."})
    Path scenario;

    @Option(names = "--slo", paramLabel = "OBJECTIVE", description = {"A pass/fail objective, repeatable, as "
        + "p99<20ms, errors<0.1%% or rps>5000 (every metric: docs/bench.md). Exit 3 when one fails."})
    List<String> slos = new ArrayList<>();

    @Option(names = "--start-at", paramLabel = "TIME", converter = StartAt.Converter.class,
            description = "Start at TIME (18:00:00, 2026-12-02T18:00:00Z, @EPOCH) so that several machines start together.")
    Instant startAt;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Also write the report as JSON to FILE, full histograms included (for bench merge).")
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
            if (startAt != null && !waitForStart(output)) {
                return OneLineErrors.FAILED;
            }
            BenchRun run = BenchRun.start(config, load);
            CountDownLatch reported = new CountDownLatch(1);
            LiveView view = output.onTerminal() ? LiveView.start(output.err(), () -> LiveView.lines(run.progress())) : null;
            // Ctrl-C: the shutdown hook erases the view, stops the run, then waits for the partial report printed below.
            try (AutoCloseable stopOnSignal = CleanStop.closeOnStop(() -> {
                if (view != null) {
                    view.interrupted();
                }
                run.stop();
                reported.await(REPORT_ON_STOP_SECONDS, TimeUnit.SECONDS);
            })) {
                BenchResult result;
                try (view) {
                    result = run.await();
                }
                int code;
                try {
                    code = BenchReports.report(result, output, json, html);
                } finally {
                    reported.countDown();
                }
                return result.responses() == 0 ? BenchReports.noResponses(result, output) : code;
            }
        }
    }

    /** Waits for {@code --start-at}, counting down on a terminal; false when Ctrl-C came first. */
    private boolean waitForStart(Output output) throws Exception {
        CountDownLatch cancelled = new CountDownLatch(1);
        LiveView view = output.onTerminal() ? LiveView.start(output.err(), () -> List.of(String.format(Locale.ROOT,
                "starting at %s, in %s", startAt, LiveView.seconds(Duration.between(Instant.now(), startAt))))) : null;
        try (AutoCloseable cancelOnSignal = CleanStop.closeOnStop(() -> {
            if (view != null) {
                view.interrupted();
            }
            cancelled.countDown();
        }); view) {
            return StartAt.await(startAt, cancelled);
        }
    }

    private Transport openTransport(BenchConfig config) {
        LoadTransport kind = BenchSettings.transport(transport);
        int ioThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        try {
            return kind.open(connections, ioThreads, !noKeepAlive, config.timeout(), http2);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }
}
