package dev.salvo.client;

import java.util.Objects;
import java.util.concurrent.CompletionException;

/**
 * The settled result of one call: a value or the failure that ended it. Lets a caller see every
 * result of a {@link Salvo#gatherOutcomes gather} without one failure hiding the rest.
 */
public sealed interface Outcome<T> {

    static <T> Outcome<T> success(T value) {
        return new Success<>(value);
    }

    static <T> Outcome<T> failure(Throwable error) {
        return new Failure<>(unwrap(error));
    }

    boolean isSuccess();

    /** The value, or the failure rethrown (wrapped in {@link CompletionException}). */
    T value();

    /** The value of a success. */
    record Success<T>(T value) implements Outcome<T> {
        @Override
        public boolean isSuccess() {
            return true;
        }
    }

    /** The failure of a call, unwrapped from {@link CompletionException}. */
    record Failure<T>(Throwable error) implements Outcome<T> {
        public Failure {
            Objects.requireNonNull(error, "error");
        }

        @Override
        public boolean isSuccess() {
            return false;
        }

        @Override
        public T value() {
            throw new CompletionException(error);
        }
    }

    /** Strips the CompletionException / ExecutionException wrappers futures add. */
    static Throwable unwrap(Throwable error) {
        Throwable t = Objects.requireNonNull(error, "error");
        while ((t instanceof CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
