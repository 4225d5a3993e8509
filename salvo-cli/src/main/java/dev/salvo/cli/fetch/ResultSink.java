package dev.salvo.cli.fetch;

/** Where {@code salvo fetch} sends each URL's result as it finishes; called from any thread, one result at a time or concurrently. */
@FunctionalInterface
interface ResultSink extends AutoCloseable {
    void accept(FetchResult result);

    @Override
    default void close() {
    }
}
