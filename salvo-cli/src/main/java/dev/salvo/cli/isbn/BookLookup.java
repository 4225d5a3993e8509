package dev.salvo.cli.isbn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.cli.common.OneLineErrors;
import dev.salvo.cli.common.Output;
import dev.salvo.cli.timeline.Timeline;
import dev.salvo.client.Request;
import dev.salvo.client.spi.BlockingClient;
import dev.salvo.client.spi.BlockingResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The seed's {@code print_book_info(index, isbn)}: one blocking books-API call, then
 * {@code index: title}. Unlike the seed it survives a missing book ({@code index: no book with
 * ISBN …}) and a failed call ({@code index: error: …}), counting failures. Thread-safe.
 */
final class BookLookup {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlockingClient client;
    private final String booksUrl;
    private final Output output;
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();

    /**
     * @param client   the blocking client, the seed's {@code requests}
     * @param booksUrl the volumes endpoint, e.g. {@code http://127.0.0.1:8000/books/v1/volumes}
     */
    BookLookup(BlockingClient client, String booksUrl, Output output) {
        this.client = client;
        this.booksUrl = booksUrl;
        this.output = output;
    }

    /** Looks up and prints one book, recording the call on {@code timeline}. */
    void printBookInfo(int index, String isbn, long queuedNanos, Timeline timeline) {
        Request request = Request.get(booksUrl + "?q=isbn:" + isbn);
        long start = System.nanoTime();
        boolean failed = false;
        try {
            try (BlockingResponse response = client.execute(request)) {
                output.line(index + ": " + title(response, isbn));
            }
        } catch (IOException | RuntimeException e) {
            failed = true;
            failures.incrementAndGet();
            output.line(index + ": error: " + OneLineErrors.describe(e));
        } finally {
            timeline.record(request.toString(), queuedNanos, start, System.nanoTime(), failed);
            done.incrementAndGet();
        }
    }

    /** Lookups finished so far. */
    int done() {
        return done.get();
    }

    /** Lookups that failed so far. */
    int failures() {
        return failures.get();
    }

    private static String title(BlockingResponse response, String isbn) throws IOException {
        if (response.status() != 200) {
            throw new IOException("HTTP " + response.status() + " from the books API");
        }
        JsonNode root = JSON.readTree(response.body());
        JsonNode title = root.path("items").path(0).path("volumeInfo").path("title");
        return title.isTextual() ? title.asText() : "no book with ISBN " + isbn;
    }
}
