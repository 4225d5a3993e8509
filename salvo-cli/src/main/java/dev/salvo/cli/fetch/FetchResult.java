package dev.salvo.cli.fetch;

import dev.salvo.cli.common.Elapsed;
import dev.salvo.client.HttpVersion;
import dev.salvo.client.Outcome;
import dev.salvo.client.Request;
import dev.salvo.client.Response;
import java.util.Optional;

/**
 * What became of one URL: its response's status and body size, or why it failed; and how long it took.
 *
 * @param request the request sent
 * @param elapsed from the start of the run (async) or of this call (sync) to its end
 * @param outcome the response, or the failure
 */
record FetchResult(Request request, Elapsed elapsed, Outcome<Response> outcome) {

    /** The status, or empty when the call failed. */
    Optional<Integer> status() {
        return outcome.isSuccess() ? Optional.of(outcome.value().status()) : Optional.empty();
    }

    /** The HTTP version the response came on, or empty when the call failed. */
    Optional<HttpVersion> version() {
        return outcome.isSuccess() ? Optional.of(outcome.value().version()) : Optional.empty();
    }

    /** The body's length, 0 when the call failed. */
    int bytes() {
        return outcome.isSuccess() ? outcome.value().bodyLength() : 0;
    }

    /** Why the call failed, or empty. */
    Optional<FailureKind> failure() {
        return outcome instanceof Outcome.Failure<Response> failure
                ? Optional.of(FailureKind.of(failure.error())) : Optional.empty();
    }
}
