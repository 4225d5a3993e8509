package dev.salvo.server.internal.seed;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The books the books API knows: the 14 ISBNs of seed 002, each with a distinct, stable title.
 * The titles are made up for Salvo (the real catalogue is not reproduced); they never change, so
 * scenario output can be compared run to run. Immutable.
 */
final class BookCatalog {
    /** One volume. */
    record Book(String isbn13, String title, List<String> authors, String publisher, String publishedDate, int pageCount) {
    }

    private static final Map<String, Book> BY_ISBN = List.of(
            book("9780007355143", "The Lighthouse at Salvo Point", "Margaret Ellery", 2010, 336),
            book("9780008108298", "A Field Guide to Quiet Harbours", "Tomas Rehn", 2015, 288),
            book("9780547249643", "Rivers Under the Mountain", "Ada Quill", 2009, 412),
            book("9781405882583", "Learning to Wait: A Reader", "Nora Pike", 2008, 96),
            book("9780316095860", "The Clockmaker's Apprentice", "Jun Arakawa", 2011, 368),
            book("9780930289232", "Watchers of the Long Night", "Alan Gibbs", 1987, 416),
            book("9780486415871", "Crime, Punishment and Coffee", "F. M. Dostal", 2001, 430),
            book("9780765350381", "The Ash-Fall Empire", "Brandt Sanders", 2006, 544),
            book("9789898559425", "Cartas do Porto", "Inês Valadares", 2013, 204),
            book("9781944529024", "Small Machines That Think", "Priya Natarajan", 2016, 256),
            book("9780765376671", "The Way of Storms", "Brandt Sanders", 2014, 1008),
            book("9781400079988", "War, Peace and Everything Between", "Lev Tolman", 2008, 1296),
            book("9781438114026", "A History of Concurrency", "Grace Hopper-Lin", 2009, 180),
            book("9780393066258", "The Annotated Event Loop", "Martin Gardiner", 2008, 432))
            .stream().collect(Collectors.toUnmodifiableMap(Book::isbn13, b -> b));

    private BookCatalog() {
    }

    private static Book book(String isbn, String title, String author, int year, int pages) {
        return new Book(isbn, title, List.of(author), "Salvo Press", Integer.toString(year), pages);
    }

    /** The book with this ISBN-13 (or the ISBN-10 with the same body), if known. */
    static Optional<Book> find(String isbn) {
        String digits = isbn.replace("-", "");
        if (digits.length() == 10) {
            String body = "978" + digits.substring(0, 9);
            return BY_ISBN.values().stream().filter(b -> b.isbn13().startsWith(body)).findFirst();
        }
        return Optional.ofNullable(BY_ISBN.get(digits));
    }

    static int size() {
        return BY_ISBN.size();
    }
}
