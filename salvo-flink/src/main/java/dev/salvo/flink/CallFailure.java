package dev.salvo.flink;

import dev.salvo.client.Outcome;
import java.time.Duration;
import java.util.Objects;

/**
 * Why one record got no response, as handed to an {@link OnFailure}.
 *
 * @param kind    what went wrong
 * @param message a one-line description (the failure's message, or its type when it has none)
 * @param elapsed from the call's start to its failure; zero for {@link ErrorKind#BAD_INPUT}
 * @param cause   the failure itself
 */
public record CallFailure(ErrorKind kind, String message, Duration elapsed, Throwable cause) {

    public CallFailure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(cause, "cause");
    }

    /** The failure of a call, unwrapped from {@code CompletionException}, with its kind and message. */
    public static CallFailure of(Throwable failure, Duration elapsed) {
        Throwable cause = ((Outcome.Failure<?>) Outcome.failure(failure)).error();
        return new CallFailure(ErrorKind.of(cause), describe(cause), elapsed, cause);
    }

    /** The same failure with another kind (a Flink timeout, bad input). */
    public CallFailure withKind(ErrorKind newKind) {
        return new CallFailure(newKind, message, elapsed, cause);
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        String text = message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
        return text.replace('\r', ' ').replace('\n', ' ');
    }
}
