package dev.salvo.cli.isbn;

import dev.salvo.cli.common.BadInputException;
import dev.salvo.cli.common.Output;
import dev.salvo.cli.common.ServerTarget;
import dev.salvo.client.Transports;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The seed's whole program: the four variants against one server's books API, then the four
 * timing lines. Shared by {@code salvo isbn} and the demo.
 */
final class IsbnLookups {
    /** The seed's 14 ISBNs, in its order. */
    static final List<String> SEED_ISBNS = List.of("9780007355143", "9780008108298", "9780547249643",
            "9781405882583", "9780316095860", "9780930289232", "9780486415871", "9780765350381", "9789898559425",
            "9781944529024", "9780765376671", "9781400079988", "9781438114026", "9780393066258");

    private static final Pattern ISBN = Pattern.compile("\\d{9}[\\dXx]|\\d{13}");

    /** What the program measured. */
    record Result(List<IsbnVariants.Timing> timings, int failures) {
    }

    private IsbnLookups() {
    }

    /** Runs all four variants over {@code isbns} against {@code server}. */
    static Result run(Output output, ServerTarget server, List<String> isbns) {
        BookLookup lookup = new BookLookup(Transports.urlConnection(Duration.ofSeconds(5), Duration.ofSeconds(30)),
                server.url("/books/v1/volumes"), output);
        List<IsbnVariants.Timing> timings;
        try (Output.Progress progress = output.progress(() -> "isbn: " + lookup.done() + "/" + 4 * isbns.size() + " lookups")) {
            timings = new IsbnVariants(lookup, isbns).runAll();
        }
        output.line("");
        timings.forEach(timing -> output.line(timing.line()));
        return new Result(timings, lookup.failures());
    }

    /** {@code isbns} with hyphens removed, each checked to be an ISBN-10 or ISBN-13. */
    static List<String> normalize(List<String> isbns) {
        return isbns.stream().map(isbn -> {
            String digits = isbn.replace("-", "").strip();
            if (!ISBN.matcher(digits).matches()) {
                throw new BadInputException("'" + isbn + "' is not an ISBN (10 or 13 digits, hyphens allowed)");
            }
            return digits;
        }).toList();
    }
}
