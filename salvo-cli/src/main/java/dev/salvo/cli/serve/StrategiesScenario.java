package dev.salvo.cli.serve;

import dev.salvo.cli.common.Elapsed;
import dev.salvo.cli.common.HttpSession;
import dev.salvo.cli.common.Output;
import dev.salvo.cli.common.ServerTarget;
import dev.salvo.cli.scenario.ScenarioContext;
import dev.salvo.cli.scenario.ScenarioResult;
import dev.salvo.cli.scenario.SeedScenario;
import dev.salvo.cli.timeline.Run;
import dev.salvo.cli.timeline.Timeline;
import dev.salvo.client.Outcome;
import dev.salvo.client.Request;
import dev.salvo.client.Response;
import dev.salvo.server.ServerConfig;
import dev.salvo.server.Strategy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * S5: the seed's {@code ab -c 2 -n 10 http://127.0.0.1:8000/} against each of the five servers,
 * each an embedded server with one strategy, the expensive function waiting 0.25 s (I/O kind) at
 * scale 1. Sequential = the sync server, concurrent = the async one.
 */
public final class StrategiesScenario extends SeedScenario {
    public StrategiesScenario() {
        super("S5", "five servers (seed 003)",
                "A server is only as concurrent as the place its waiting happens: one thread, the event loop, a timer or a pool.");
    }

    private static final int REQUESTS = 10;
    private static final int CONCURRENCY = 2;
    private static final double COST_SECONDS = 0.25;

    @Override
    public ScenarioResult run(ScenarioContext context) {
        Output output = context.output();
        String cost = context.delaySeconds(COST_SECONDS);
        List<Run> runs = new ArrayList<>();
        List<Elapsed> times = new ArrayList<>();
        int failures = 0;
        for (Strategy strategy : List.of(Strategy.SYNC, Strategy.BLOCKING, Strategy.ASYNC, Strategy.THREADS, Strategy.CPU)) {
            Timeline timeline = new Timeline(strategy.cliName());
            List<Outcome<Response>> outcomes;
            Elapsed elapsed;
            try (ServerTarget server = ServerTarget.embedded(ServerConfig.newBuilder().strategy(strategy).build());
                 HttpSession session = context.transport().open(CONCURRENCY, timeline);
                 Output.Progress progress = output.progress(() -> "five servers: " + strategy.cliName())) {
                String path = "/?cost=" + cost + "&kind=io";
                server.warmUp(context.transport(), List.of(path));
                List<Request> requests = Collections.nCopies(REQUESTS, Request.get(server.url(path)));
                long start = System.nanoTime();
                outcomes = session.client().gatherOutcomes(requests).join();
                elapsed = Elapsed.since(start);
            }
            int failed = (int) outcomes.stream().filter(o -> !o.isSuccess()).count();
            failures += failed;
            output.line(String.format(Locale.ROOT, "%-9s ab -c %d -n %d: Time taken for tests: %s seconds, "
                    + "Failed requests: %d, Requests per second: %.2f [#/sec] (mean)", strategy.cliName(), CONCURRENCY,
                    REQUESTS, elapsed.threeDecimals(), failed, REQUESTS / elapsed.seconds()));
            runs.add(timeline.finish(elapsed));
            times.add(elapsed);
        }
        return ScenarioResult.of(this, times.get(0), times.get(2), "sync ≈ 1 req/s; async: c at once",
                runs, failures);
    }
}
