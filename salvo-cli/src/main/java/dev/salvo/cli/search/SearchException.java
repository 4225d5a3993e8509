package dev.salvo.cli.search;

/** A search-jobs call failed: the server was unreachable, or answered with an error status. */
final class SearchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SearchException(String message) {
        super(message);
    }

    SearchException(String message, Throwable cause) {
        super(message, cause);
    }
}
