package dev.salvo.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * An ordered list of steps that must run one after another; each step builds its request, and
 * may read the previous step's response (a login token, a created id). Batches run concurrently
 * with each other ({@link Salvo#batches}); a failed step ends its own batch only.
 */
public final class Batch {
    private final List<Function<Response, Request>> steps;

    private Batch(List<Function<Response, Request>> steps) {
        this.steps = List.copyOf(steps);
    }

    /** A batch of fixed requests, sent in this order. */
    public static Batch of(Request... requests) {
        return of(List.of(requests));
    }

    /** A batch of fixed requests, sent in this order. */
    public static Batch of(List<Request> requests) {
        Objects.requireNonNull(requests, "requests");
        if (requests.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one request");
        }
        Builder builder = startWith(requests.get(0));
        for (Request request : requests.subList(1, requests.size())) {
            builder.then(request);
        }
        return builder.build();
    }

    /** A builder whose first step sends {@code first}. */
    public static Builder startWith(Request first) {
        Objects.requireNonNull(first, "first");
        return new Builder(first);
    }

    public int size() {
        return steps.size();
    }

    /**
     * The request of step {@code index}: step 0's fixed request when {@code previous} is empty,
     * else built from the previous step's response.
     *
     * @throws IllegalArgumentException when {@code previous} is empty for a step after the first,
     *                                  or present for step 0
     * @throws NullPointerException     when a step's function builds a null request
     */
    public Request request(int index, Optional<Response> previous) {
        Objects.requireNonNull(previous, "previous");
        Objects.checkIndex(index, steps.size());
        if (previous.isEmpty() != (index == 0)) {
            throw new IllegalArgumentException(index == 0 ? "step 0 has no previous response"
                    : "step " + index + " needs the previous step's response");
        }
        Request request = steps.get(index).apply(previous.orElse(null));
        return Objects.requireNonNull(request, () -> "step " + index + " built a null request");
    }

    /** Builds a {@link Batch}; not thread-safe. */
    public static final class Builder {
        private final List<Function<Response, Request>> steps = new ArrayList<>();

        private Builder(Request first) {
            steps.add(previous -> first);
        }

        /** A step that sends a fixed request. */
        public Builder then(Request next) {
            Objects.requireNonNull(next, "next");
            steps.add(previous -> next);
            return this;
        }

        /** A step whose request is built from the previous step's response. */
        public Builder then(Function<Response, Request> next) {
            steps.add(Objects.requireNonNull(next, "next"));
            return this;
        }

        public Batch build() {
            return new Batch(steps);
        }
    }
}
