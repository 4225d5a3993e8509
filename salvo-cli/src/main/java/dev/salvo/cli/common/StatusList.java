package dev.salvo.cli.common;

import dev.salvo.client.Outcome;
import dev.salvo.client.Response;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Statuses printed the way the seeds print Python lists: {@code [200, 200, 200]}. A call that
 * failed without a status shows as {@code ERR}.
 */
public final class StatusList {
    /** What a failed call shows instead of a status. */
    public static final String FAILED = "ERR";

    private StatusList() {
    }

    /** {@code [200, ERR, 200]}, in the given order. */
    public static String of(List<Outcome<Response>> outcomes) {
        return join(outcomes.stream().map(StatusList::status).toList());
    }

    /** One call's entry: its status, or {@link #FAILED}. */
    public static String status(Outcome<Response> outcome) {
        return outcome.isSuccess() ? Integer.toString(outcome.value().status()) : FAILED;
    }

    /** Entries made by {@link #status}, as a list: {@code [200, ERR, 200]}. */
    public static String join(List<String> statuses) {
        return statuses.stream().collect(Collectors.joining(", ", "[", "]"));
    }

    /** {@code [[200, 200], [200]]}: one inner list per group. */
    public static String nested(List<List<Outcome<Response>>> groups) {
        return groups.stream().map(StatusList::of).collect(Collectors.joining(", ", "[", "]"));
    }
}
