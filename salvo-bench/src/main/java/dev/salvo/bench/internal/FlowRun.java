package dev.salvo.bench.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.bench.Scenario;
import dev.salvo.client.Request;
import dev.salvo.client.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One flow of a scenario on its way through its steps: which step is next and the variables
 * (the CSV row it started with, plus what earlier steps extracted). Used by one slot at a time.
 */
final class FlowRun {
    private static final ObjectMapper JSON = new ObjectMapper();

    final boolean measured;
    private final Scenario.Flow flow;
    private final Map<String, String> variables;
    private int step;

    private FlowRun(Scenario.Flow flow, Map<String, String> row, boolean measured) {
        this.flow = flow;
        this.variables = new HashMap<>(row);
        this.measured = measured;
    }

    /** Starts flows in their weights' proportions, interleaved; each flow takes the CSV rows in turn. */
    static final class Starter {
        private final Scenario scenario;
        private final int[] cumulative;
        private final AtomicLong started = new AtomicLong();
        private final AtomicLong[] rowOfFlow;

        Starter(Scenario scenario) {
            this.scenario = scenario;
            List<Scenario.Flow> flows = scenario.flows();
            cumulative = new int[flows.size()];
            rowOfFlow = new AtomicLong[flows.size()];
            int sum = 0;
            for (int i = 0; i < flows.size(); i++) {
                sum += flows.get(i).weight();
                cumulative[i] = sum;
                rowOfFlow[i] = new AtomicLong();
            }
        }

        FlowRun start(boolean measured) {
            long n = started.getAndIncrement();
            int point = (int) Math.floorMod(n * 7919, (long) cumulative[cumulative.length - 1]);
            int i = 0;
            while (point >= cumulative[i]) {
                i++;
            }
            List<Map<String, String>> rows = scenario.rows();
            return new FlowRun(scenario.flows().get(i), rows.isEmpty() ? Map.of()
                    : rows.get((int) (rowOfFlow[i].getAndIncrement() % rows.size())), measured);
        }
    }

    /** The current step's request, its placeholders filled; an IllegalArgumentException when a filled value is unusable. */
    Request request(URI base) {
        Scenario.Step current = flow.steps().get(step);
        Request.Builder builder = Request.newBuilder(base.resolve(Template.fill(current.url(), variables)))
                .method(current.method(), Template.fill(current.body(), variables).getBytes(StandardCharsets.UTF_8));
        current.headers().forEach((name, value) -> builder.header(name, Template.fill(value, variables)));
        return builder.build();
    }

    /** Takes the current step's values from {@code response}; a message naming what is missing, or null. */
    String extract(Response response) {
        Map<String, Scenario.Extract> wanted = flow.steps().get(step).extract();
        if (wanted.isEmpty()) {
            return null;
        }
        JsonNode body = null;
        for (Map.Entry<String, Scenario.Extract> e : wanted.entrySet()) {
            Scenario.Extract from = e.getValue();
            Optional<String> value;
            if (!from.header().isEmpty()) {
                value = response.headers().first(from.header());
            } else {
                if (body == null) {
                    try {
                        body = JSON.readTree(response.body());
                    } catch (IOException ex) {
                        return where() + ": the response body is not JSON, so " + from.jsonPointer() + " has no value";
                    }
                }
                JsonNode at = body == null ? null : body.at(from.jsonPointer());
                value = at == null || at.isMissingNode() || at.isNull() ? Optional.empty()
                        : Optional.of(at.isValueNode() ? at.asText() : at.toString());
            }
            if (value.isEmpty()) {
                return where() + ": no value for " + e.getKey() + " ("
                        + (from.header().isEmpty() ? from.jsonPointer() : "header " + from.header()) + ") in the response";
            }
            variables.put(e.getKey(), value.get());
        }
        return null;
    }

    /** The pause after the current step. */
    Duration think() {
        return flow.steps().get(step).think();
    }

    /** Moves to the next step; false when the flow is done. */
    boolean advance() {
        return ++step < flow.steps().size();
    }

    private String where() {
        return "flow '" + flow.name() + "' step " + (step + 1);
    }
}
