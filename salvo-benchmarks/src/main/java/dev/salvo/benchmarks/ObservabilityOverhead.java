package dev.salvo.benchmarks;

import dev.salvo.client.Request;
import dev.salvo.client.Salvo;
import dev.salvo.client.spi.Transport;

/**
 * Issue 15's overhead figure: requests/s of a client with Micrometer metrics and OpenTelemetry tracing (as
 * {@link Observed} sets them up, pool gauges monitored) vs a plain client, each on its own transport of the
 * same kind, in one run of {@link AbRounds}. Prints each round, the ratio of medians (on ÷ off), and how many
 * spans were exported and calls timed, which shows nothing was dropped. The sixth argument turns on only one
 * of the two ({@code metrics}, {@code tracing}) to tell their costs apart; default {@code both}.
 * Usage: {@code ObservabilityOverhead [concurrency] [seconds per round] [rounds] [path] [transport] [what]}.
 */
public final class ObservabilityOverhead {
    private ObservabilityOverhead() {
    }

    public static void main(String[] args) throws Exception {
        AbRounds.Setup setup = AbRounds.Setup.parse(args);
        String what = args.length > 5 ? args[5] : "both";
        if (!what.equals("both") && !what.equals("metrics") && !what.equals("tracing")) {
            throw new IllegalArgumentException("what must be both, metrics or tracing, got " + what);
        }
        try (Observed observability = new Observed();
             ServerProcess server = ServerProcess.start();
             Transport plainTransport = setup.newTransport();
             Transport observedTransport = setup.newTransport();
             Salvo plain = Salvo.newBuilder().transport(plainTransport).maxInFlight(setup.concurrency()).build();
             Salvo observed = observability.observe(Salvo.newBuilder().transport(observedTransport)
                     .maxInFlight(setup.concurrency()), !what.equals("tracing"), !what.equals("metrics"))) {
            Request request = Request.get(server.baseUrl() + setup.path());
            String summary = setup.summary(AbRounds.compare(plain::send, observed::send, request, setup));
            System.out.printf("%s what=%s %s%n", summary, what, observability.recorded());
        }
    }
}
