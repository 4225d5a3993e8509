package dev.salvo.examples;

import dev.salvo.client.Outcome;
import dev.salvo.client.Request;
import dev.salvo.client.Response;
import dev.salvo.client.Salvo;
import java.util.List;

/**
 * Many calls, results in input order: each line prints as its call finishes (the slow one last),
 * and the statuses come back in the order of the list. {@code gatherOutcomes} never fails as a
 * whole: a failed call is one failed {@link Outcome}, the others are still there.
 */
public final class Gather {
    public static void main(String[] args) {
        try (Examples target = Examples.target(args);
             Salvo http = Salvo.create()) {
            List<Request> requests = List.of(
                    Request.get(target.url("/delay/0.5")),
                    Request.get(target.url("/get")),
                    Request.get(target.url("/status/404")),
                    Request.get("http://127.0.0.1:1/nothing-listens-here"));
            List<Outcome<Response>> outcomes = http.gatherOutcomes(requests,
                    (index, outcome) -> System.out.println("done: " + requests.get(index).uri()
                            + (outcome.isSuccess() ? " " + outcome.value().status() : " failed"))).join();
            List<String> summary = outcomes.stream()
                    .map(o -> o.isSuccess() ? String.valueOf(o.value().status()) : "failed").toList();
            System.out.println("in input order: " + summary);
            if (!summary.equals(List.of("200", "200", "404", "failed"))) {
                throw new IllegalStateException("unexpected outcomes " + summary);
            }
        }
    }
}
