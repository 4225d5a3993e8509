package dev.salvo.cli.isbn;

import dev.salvo.cli.common.OneLineErrors;
import dev.salvo.cli.common.Output;
import dev.salvo.cli.common.ServerTarget;
import dev.salvo.server.ServerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code salvo isbn}: seed 002's four variants of book lookups with a blocking client. */
@Command(name = "isbn", sortOptions = false,
        description = {"Look up books with a blocking client four ways; only one is concurrent (seed 002, S4).",
            "Prints 'index: title' per book, then '<variant> took s.sss seconds' for each variant.",
            "Without --server it starts the embedded server (books API, about 0.5 s per lookup)."})
public final class IsbnCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ISBN", arity = "0..*", description = "ISBNs to look up (default: the seed's 14).")
    List<String> isbns = new ArrayList<>();

    @Option(names = "--server", paramLabel = "URL",
            description = "A server with the books API (/books/v1/volumes), e.g. http://127.0.0.1:8000.")
    Optional<String> server = Optional.empty();

    @Override
    public Integer call() {
        List<String> chosen = isbns.isEmpty() ? IsbnLookups.SEED_ISBNS : IsbnLookups.normalize(isbns);
        try (ServerTarget target = ServerTarget.choose(server, ServerConfig.defaults())) {
            IsbnLookups.Result result = IsbnLookups.run(Output.of(spec), target, chosen);
            return result.failures() == 0 ? 0 : OneLineErrors.FAILED;
        }
    }
}
