package dev.salvo.cli.fetch;

import dev.salvo.cli.common.BadInputException;
import dev.salvo.cli.common.OneLineErrors;
import dev.salvo.cli.common.Output;
import dev.salvo.cli.common.TransportOptions;
import dev.salvo.client.EventListener;
import dev.salvo.client.Request;
import dev.salvo.client.RetryPolicy;
import dev.salvo.client.Salvo;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code salvo fetch}: a list of URLs, fetched concurrently under limits; or seed 001's sync-vs-async comparison. */
@Command(name = "fetch", sortOptions = false,
        description = {"Fetch a list of URLs, all at once under limits (or one after another, or both: seed 001, S2).",
            "Prints 'url seconds' per URL as it finishes (with the reason when it failed), 'Total time: s.ss' and the "
                + "statuses in input order; --jsonl writes one JSON object per URL. A progress bar shows on a terminal.",
            "Exit code 1 when any URL failed (an HTTP error status is a result, not a failure)."})
public final class FetchCommand implements Callable<Integer> {
    /** How to fetch. */
    enum Mode { sync, async, both }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "URL", arity = "0..*", description = "URLs to fetch.")
    List<String> urls = new ArrayList<>();

    @Option(names = {"-f", "--file"}, paramLabel = "FILE",
            description = "File with one URL per line (# comments); - reads standard input.")
    String file;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "async",
            description = "async (all at once), sync (one after another) or both, the seed's comparison "
                    + "(default: ${DEFAULT-VALUE}).")
    Mode mode;

    @Option(names = {"-c", "--concurrency"}, paramLabel = "N", defaultValue = "64",
            description = "Most requests in flight in async mode (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--max-per-host", paramLabel = "N",
            description = "Most requests in flight to one host:port (default: as -c).")
    Integer maxPerHost;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "0",
            description = "Retry a URL up to N more times on a failed or dropped connection, a 429 or a 503, with "
                    + "backoff; idempotent methods only: GET, HEAD, PUT, DELETE, … (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--rate", paramLabel = "RATE",
            description = "Send at most RATE requests a second over the whole list, whatever the hosts, as 20/s, "
                    + "600/min or 3600/h (one at a time: no burst); the list waits, nothing is dropped.")
    String rate;

    @Option(names = "--adaptive",
            description = "Learn each host's concurrency limit from latency (at most --max-per-host).")
    boolean adaptive;

    @Option(names = "--proxy", paramLabel = "URL",
            description = "Send every request through this HTTP proxy, http://HOST:PORT (uses --transport jdk).")
    String proxy;

    @Option(names = "--jsonl", paramLabel = "FILE",
            description = "Also write one JSON object per URL as it finishes (url, status, seconds, bytes, error) "
                    + "to FILE; - writes them to standard output instead of the lines above.")
    String jsonl;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Stream the body to FILE as it arrives, with a progress bar on a terminal; one URL only. "
                    + "FILE is replaced once the body is whole (like curl -o); a failed download leaves it untouched.")
    String outputFile;

    @Option(names = {"-O", "--output-dir"}, paramLabel = "DIR",
            description = "Stream each body into DIR, named after the URL's last path segment (made safe; "
                    + "never overwrites: name-1.ext, name-2.ext, … on a clash). Prints 'url seconds status bytes file'.")
    String outputDir;

    @Mixin
    RequestOptions request;

    @Mixin
    TlsOptions tls;

    @Mixin
    TransportOptions transport;

    @Override
    public Integer call() throws InterruptedException {
        checkLimits();
        TransportOptions.Connection connection = new TransportOptions.Connection(tls.trustManager(), proxyAddress());
        List<Request> requests = UrlList.requests(urls, file, System.in, request.template(outputFile != null || outputDir != null));
        Output output = Output.of(spec);
        if (outputFile != null || outputDir != null) {
            return saveToFiles(requests, output, connection);
        }
        boolean jsonOnStdout = UrlList.STDIN.equals(jsonl);
        int failures = 0;
        try (ResultSink sink = sink(output, jsonOnStdout)) {
            // no timeline: it is the demo's picture, and a long list's calls would all be held for it
            UrlListFetch fetch = new UrlListFetch(output,
                    (maxInFlight, timeline) -> transport.open(settings(), maxInFlight, connection, EventListener.NONE),
                    sink::accept, !jsonOnStdout, ratePerSecond());
            if (mode != Mode.async) {
                failures += fetch.sync(requests, new FetchProgress(requests.size())).failures();
            }
            if (mode != Mode.sync) {
                failures += fetch.async(requests, concurrency, new FetchProgress(requests.size())).failures();
            }
        }
        return failures == 0 ? 0 : OneLineErrors.FAILED;
    }

    /** {@code -o FILE} / {@code -O DIR}: the bodies streamed to files, all at once under {@code -c}. */
    private int saveToFiles(List<Request> requests, Output output, TransportOptions.Connection connection)
            throws InterruptedException {
        if (mode != Mode.async || jsonl != null) {
            throw new BadInputException("-o/-O save the bodies all at once: drop " + (jsonl != null ? "--jsonl" : "--mode"));
        }
        IntFunction<Path> files = SaveTargets.of(outputFile, outputDir, requests);
        int failures = new FileSaves(output, (maxInFlight, listener) -> transport.open(settings(), maxInFlight, connection,
                listener), ratePerSecond()).save(requests, files, concurrency);
        return failures == 0 ? 0 : OneLineErrors.FAILED;
    }

    /** Where each URL's result goes besides the seed lines. */
    private ResultSink sink(Output output, boolean jsonOnStdout) {
        if (jsonl == null) {
            return result -> { };
        }
        if (jsonOnStdout) {
            return result -> output.line(JsonLines.line(result));
        }
        return JsonLines.create(Path.of(jsonl));
    }

    private Consumer<Salvo.Builder> settings() {
        return builder -> {
            builder.maxPerHost(maxPerHost != null ? maxPerHost : concurrency);
            if (retries > 0) {
                builder.retryPolicy(RetryPolicy.newBuilder().maxAttempts(retries + 1).build());
            }
            builder.adaptiveConcurrency(adaptive);
        };
    }

    /**
     * {@code --rate} as sends a second, 0 without it. The submit loop paces the whole list with it
     * ({@link Pacer}); the client's own rate limit is per origin, so a list over several hosts would
     * go faster than asked.
     */
    private double ratePerSecond() {
        return rate == null ? 0 : Rate.perSecond(rate);
    }

    private void checkLimits() {
        if (UrlList.STDIN.equals(file) && "@-".equals(request.data)) {
            throw new BadInputException("-f - and -d @- both read standard input: give one of them a file");
        }
        if (concurrency < 1) {
            throw new BadInputException("-c must be at least 1, got " + concurrency);
        }
        if (maxPerHost != null && maxPerHost < 1) {
            throw new BadInputException("--max-per-host must be at least 1, got " + maxPerHost);
        }
        if (rate != null) {
            Rate.perSecond(rate);
        }
        if (retries < 0 || retries > 10) {
            throw new BadInputException("--retries must be 0..10, got " + retries);
        }
    }

    private Optional<InetSocketAddress> proxyAddress() {
        if (proxy == null) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(proxy.contains("://") ? proxy : "http://" + proxy);
        } catch (URISyntaxException e) {
            throw new BadInputException("--proxy '" + proxy + "' is not a URL: " + e.getReason(), e);
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 1
                || (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/"))) {
            throw new BadInputException("--proxy '" + proxy + "': expected http://HOST:PORT");
        }
        return Optional.of(InetSocketAddress.createUnresolved(uri.getHost(), uri.getPort()));
    }
}
