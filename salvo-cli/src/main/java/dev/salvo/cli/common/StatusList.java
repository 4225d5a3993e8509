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
        return outcomes.stream()
                .map(o -> o.isSuccess() ? Integer.toString(o.value().status()) : FAILED)
                .collect(Collectors.joining(", ", "[", "]"));
    }

    /** {@code [[200, 200], [200]]}: one inner list per group. */
    public static String nested(List<List<Outcome<Response>>> groups) {
        return groups.stream().map(StatusList::of).collect(Collectors.joining(", ", "[", "]"));
    }
}
