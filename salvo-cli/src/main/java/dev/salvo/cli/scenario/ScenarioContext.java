package dev.salvo.cli.scenario;

import dev.salvo.cli.common.Output;
import dev.salvo.cli.common.ServerTarget;
import dev.salvo.cli.common.TransportOptions;
import java.util.Objects;

/**
 * What a scenario runs with.
 *
 * @param output    where it prints
 * @param scale     the factor on every cost (delays, job times, latencies): 1 = the seeds' own
 * @param transport the transport its clients use
 * @param server    the shared embedded server (async strategy, latencies already scaled)
 */
public record ScenarioContext(Output output, double scale, TransportOptions transport, ServerTarget server) {
    public ScenarioContext {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(server, "server");
        if (!(scale > 0)) {
            throw new IllegalArgumentException("scale must be positive, got " + scale);
        }
    }


    /** {@code seconds} at this scale, as the path segment of {@code /delay/{d}}: {@code 1}, {@code 0.25}. */
    public String delaySeconds(double seconds) {
        return String.format(java.util.Locale.ROOT, "%.3f", seconds * scale).replaceAll("\\.?0+$", "");
    }
}
