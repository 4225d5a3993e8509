package dev.salvo.server.internal.seed;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.salvo.server.internal.http.Exchange;
import dev.salvo.server.internal.http.HttpError;
import dev.salvo.server.internal.http.Router;
import dev.salvo.server.internal.strategy.Work;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seed 002's Google Books lookup, {@code GET /books/v1/volumes?q=isbn:N}: after the configured
 * latency (through the serving strategy) a Google-Books-shaped document ({@code kind},
 * {@code totalItems}, {@code items[0].volumeInfo.title}, {@code authors}, {@code publisher},
 * {@code publishedDate}, {@code industryIdentifiers}, {@code pageCount}). A well-formed unknown
 * ISBN → 200 with {@code totalItems: 0} and no {@code items}; a missing or malformed {@code q} → 400.
 */
final class BooksEndpoint {
    private static final Pattern ISBN_QUERY = Pattern.compile("isbn:((?:\\d-?){9}[\\dXx]|(?:\\d-?){12}\\d)");
    private final Duration latency;

    BooksEndpoint(Duration latency) {
        this.latency = latency;
    }

    void addTo(Router.Builder routes) {
        routes.get("/books/v1/volumes", this::handle);
    }

    private void handle(Exchange ex) {
        String q = ex.param("q").orElseThrow(() -> HttpError.badRequest("missing required query parameter q (e.g. q=isbn:9780930289232)"));
        Matcher m = ISBN_QUERY.matcher(q.trim());
        if (!m.matches()) {
            throw HttpError.badRequest("q must be isbn: followed by an ISBN-10 or ISBN-13, got '" + q + "'");
        }
        Optional<BookCatalog.Book> book = BookCatalog.find(m.group(1));
        ex.spend(Work.io(latency), () -> ex.replyJson(HttpResponseStatus.OK, g -> {
            g.writeStartObject();
            g.writeStringField("kind", "books#volumes");
            g.writeNumberField("totalItems", book.isPresent() ? 1 : 0);
            if (book.isPresent()) {
                g.writeArrayFieldStart("items");
                writeVolume(g, book.get());
                g.writeEndArray();
            }
            g.writeEndObject();
        }));
    }

    private static void writeVolume(JsonGenerator g, BookCatalog.Book b) throws IOException {
        g.writeStartObject();
        g.writeStringField("kind", "books#volume");
        g.writeStringField("id", "salvo-" + b.isbn13());
        g.writeObjectFieldStart("volumeInfo");
        g.writeStringField("title", b.title());
        g.writeArrayFieldStart("authors");
        for (String a : b.authors()) {
            g.writeString(a);
        }
        g.writeEndArray();
        g.writeStringField("publisher", b.publisher());
        g.writeStringField("publishedDate", b.publishedDate());
        g.writeArrayFieldStart("industryIdentifiers");
        g.writeStartObject();
        g.writeStringField("type", "ISBN_13");
        g.writeStringField("identifier", b.isbn13());
        g.writeEndObject();
        g.writeEndArray();
        g.writeNumberField("pageCount", b.pageCount());
        g.writeStringField("language", "en");
        g.writeEndObject();
        g.writeEndObject();
    }
}
