package dev.salvo.benchmarks;

import dev.salvo.client.Request;
import dev.salvo.client.Salvo;
import dev.salvo.client.spi.Transport;

/**
 * Issue 15's overhead figure: requests/s of a client with Micrometer metrics and OpenTelemetry tracing (as
 * {@link Observed} sets them up, pool gauges monitored) vs a plain client, in one run of {@link AbRounds}
 * against one server process. Each client runs in a JVM of its own ({@link SideProcess}) on its own
 * transport of the same kind. Prints each round, the ratio of medians (on ÷ off), and how many spans were
 * exported and calls timed, which shows nothing was dropped. The sixth argument turns on only one of the two
 * ({@code metrics}, {@code tracing}) to tell their costs apart; default {@code both}.
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
        try (ServerProcess server = ServerProcess.start();
             SideProcess off = Side.start(server, setup, "off");
             SideProcess on = Side.start(server, setup, what)) {
            System.err.printf("off and on sides: pids %d %d%n", off.pid(), on.pid());
            String summary = setup.summary(AbRounds.compare(off, on, setup));
            off.finish();
            System.out.printf("%s what=%s %s%n", summary, what, on.finish());
        }
    }

    /**
     * One side's JVM: a client with {@code what} on ({@code off}: nothing) that runs the rounds it is told to.
     * Usage: {@code Side URL concurrency transport what}.
     */
    static final class Side {
        private Side() {
        }

        static SideProcess start(ServerProcess server, AbRounds.Setup setup, String what) throws Exception {
            return SideProcess.start(Side.class, server.baseUrl() + setup.path(), Integer.toString(setup.concurrency()),
                    setup.transport(), what);
        }

        public static void main(String[] args) throws Exception {
            Request request = Request.get(args[0]);
            AbRounds.Setup setup = new AbRounds.Setup(Integer.parseInt(args[1]), 0, 0, request.uri().getPath(), args[2]);
            String what = args[3];
            try (Observed observability = what.equals("off") ? null : new Observed();
                 Transport transport = setup.newTransport();
                 Salvo client = observability == null ? Salvo.newBuilder().transport(transport).maxInFlight(setup.concurrency()).build()
                         : observability.observe(Salvo.newBuilder().transport(transport).maxInFlight(setup.concurrency()),
                                 !what.equals("tracing"), !what.equals("metrics"))) {
                SideProcess.serve(seconds -> OverheadRatio.run(client::send, request, setup.concurrency(), seconds),
                        () -> observability == null ? "" : observability.recorded());
            }
        }
    }
}
