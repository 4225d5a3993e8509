package dev.salvo.cli.fetch;

import dev.salvo.cli.common.OneLineErrors;
import dev.salvo.cli.common.Output;
import dev.salvo.cli.common.TransportOptions;
import dev.salvo.client.Request;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code salvo fetch}: seed 001's sync-vs-async comparison for any URLs. */
@Command(name = "fetch", sortOptions = false,
        description = {"Fetch URLs one after another and/or all at once (seed 001, S2).",
            "Prints 'url seconds' per URL as it finishes, 'Total time: s.ss' and the statuses in input order.",
            "Exit code 1 when any URL failed."})
public final class FetchCommand implements Callable<Integer> {
    /** How to fetch. */
    enum Mode { sync, async, both }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "URL", arity = "0..*", description = "URLs to fetch.")
    List<String> urls = new ArrayList<>();

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "File with one URL per line (# comments).")
    Path file;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "both",
            description = "sync, async or both (default: ${DEFAULT-VALUE}).")
    Mode mode;

    @Option(names = {"-c", "--concurrency"}, paramLabel = "N", defaultValue = "64",
            description = "Most requests in flight in async mode (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Mixin
    TransportOptions transport;

    @Override
    public Integer call() throws InterruptedException {
        if (concurrency < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "-c must be at least 1, got " + concurrency);
        }
        List<Request> requests = UrlList.requests(urls, file);
        UrlListFetch fetch = new UrlListFetch(Output.of(spec), transport);
        int failures = 0;
        if (mode != Mode.async) {
            failures += fetch.sync(requests).failures();
        }
        if (mode != Mode.sync) {
            failures += fetch.async(requests, concurrency).failures();
        }
        return failures == 0 ? 0 : OneLineErrors.FAILED;
    }
}
