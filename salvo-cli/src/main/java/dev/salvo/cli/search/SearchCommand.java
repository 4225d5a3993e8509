package dev.salvo.cli.search;

import dev.salvo.cli.common.CommandFailedException;
import dev.salvo.cli.common.Output;
import dev.salvo.cli.common.ServerTarget;
import dev.salvo.cli.common.TransportOptions;
import dev.salvo.server.ServerConfig;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code salvo search sync|async}: seed 000's search jobs through an SDK with a pluggable transport. */
@Command(name = "search", sortOptions = false,
        description = {"Run identical search jobs through an SDK-style client, one after another or on a pool (seed 000, S1).",
            "Prints 'Elapsed Time: H:MM:SS.ffffff' (the clock starts after login).",
            "Without --server it starts the embedded server (search-jobs API)."})
public final class SearchCommand implements Callable<Integer> {
    /** The seed's own message for a wrong mode, word for word. */
    static final String WRONG_MODE = "Must supply either of: ['sync', 'async']";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "MODE", arity = "0..1", description = "sync or async.")
    String mode;

    @Option(names = "--count", paramLabel = "N", defaultValue = "22",
            description = "Searches to run (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--pool", paramLabel = "N", defaultValue = "16",
            description = "Searches at once in async mode (default: ${DEFAULT-VALUE}).")
    int pool;

    @Option(names = "--server", paramLabel = "URL", description = "A server with the search-jobs API (/services/...).")
    Optional<String> server = Optional.empty();

    @Mixin
    TransportOptions transport;

    @Override
    public Integer call() throws InterruptedException {
        if (!"sync".equals(mode) && !"async".equals(mode)) {
            throw new ParameterException(spec.commandLine(), WRONG_MODE);
        }
        if (count < 1 || pool < 1) {
            throw new ParameterException(spec.commandLine(), "--count and --pool must be at least 1");
        }
        try (ServerTarget target = ServerTarget.choose(server, ServerConfig.defaults())) {
            new SearchRun(Output.of(spec), transport, target.base()).run(count, "sync".equals(mode) ? 1 : pool, mode);
            return 0;
        } catch (SearchException e) {
            throw new CommandFailedException(e.getMessage(), e);
        }
    }
}
