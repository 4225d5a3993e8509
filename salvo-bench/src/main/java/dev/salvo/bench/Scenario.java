package dev.salvo.bench;

import dev.salvo.bench.internal.ScenarioReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a scenario run sends instead of one request: weighted flows of steps, where a step may use
 * {@code ${name}} values from a CSV file (one row per flow start, in turn) or extracted from an
 * earlier step's response (a JSON pointer into its body, or a header), and may wait a think time
 * before the next step. A one-step flow is a weighted request. Immutable; read with {@link #read}.
 *
 * @param flows the flows, at least one
 * @param rows  the CSV rows (column → value), empty without a {@code variables} file
 */
public record Scenario(List<Flow> flows, List<Map<String, String>> rows) {
    public Scenario {
        flows = List.copyOf(flows);
        rows = rows.stream().map(Map::copyOf).toList();
        if (flows.isEmpty()) {
            throw new IllegalArgumentException("a scenario needs at least one flow");
        }
    }

    /**
     * One sequence of steps and how often it starts, relative to the other flows.
     *
     * @param name   shown in error messages
     * @param weight at least 1
     * @param steps  at least one
     */
    public record Flow(String name, int weight, List<Step> steps) {
        public Flow {
            Objects.requireNonNull(name, "name");
            steps = List.copyOf(steps);
            if (weight < 1 || steps.isEmpty()) {
                throw new IllegalArgumentException("flow '" + name + "' needs a weight of at least 1 and a step");
            }
        }
    }

    /**
     * One request of a flow; text may hold {@code ${name}} placeholders.
     *
     * @param method  the HTTP method
     * @param url     absolute, or relative to the run's URL
     * @param headers name → value
     * @param body    the body text (UTF-8), empty for none
     * @param extract variable name → where its value comes from in this step's response
     * @param think   the pause after this step before the next one
     */
    public record Step(String method, String url, Map<String, String> headers, String body,
            Map<String, Extract> extract, Duration think) {
        public Step {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(url, "url");
            headers = Map.copyOf(headers);
            Objects.requireNonNull(body, "body");
            extract = Map.copyOf(extract);
            Objects.requireNonNull(think, "think");
        }
    }

    /**
     * Where an extracted value comes from: a JSON pointer into the body, or a response header.
     *
     * @param jsonPointer as {@code /json/user}; empty when {@code header} is used
     * @param header      a header name; empty when {@code jsonPointer} is used
     */
    public record Extract(String jsonPointer, String header) {
        public Extract {
            Objects.requireNonNull(jsonPointer, "jsonPointer");
            Objects.requireNonNull(header, "header");
        }
    }

    /**
     * Reads a scenario file (YAML, or JSON, which is YAML too).
     *
     * @throws IOException              when the file (or its variables file) cannot be read
     * @throws IllegalArgumentException when it is not a valid scenario; the message names the file, the
     *                                  line and the field
     */
    public static Scenario read(Path file) throws IOException {
        return ScenarioReader.read(Objects.requireNonNull(file, "file"));
    }
}
