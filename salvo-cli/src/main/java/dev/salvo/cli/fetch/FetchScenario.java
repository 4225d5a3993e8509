package dev.salvo.cli.fetch;

import dev.salvo.cli.scenario.ScenarioContext;
import dev.salvo.cli.scenario.ScenarioResult;
import dev.salvo.cli.scenario.SeedScenario;
import dev.salvo.cli.timeline.RunResult;
import dev.salvo.client.Request;
import java.util.List;

/**
 * S2: three ordinary pages, then {@code /delay/1} three times, sync then async. The pages stand
 * for the seed's three web pages; the delays are scaled.
 */
public final class FetchScenario extends SeedScenario {
    public FetchScenario() {
        super("S2", "sync vs async URL list (seed 001)",
                "Sequential waits add up; concurrent waits overlap, so the total is the longest call plus a little.");
    }

    @Override
    public ScenarioResult run(ScenarioContext context) throws InterruptedException {
        String delay = "/delay/" + context.delaySeconds(1);
        List<Request> requests = List.of("/html", "/json", "/robots.txt", delay, delay, delay).stream()
                .map(path -> Request.get(context.server().url(path))).toList();
        UrlListFetch fetch = new UrlListFetch(context.output(), context.transport());
        RunResult sync = fetch.sync(requests, new FetchProgress(requests.size()));
        RunResult async = fetch.async(requests, requests.size(), new FetchProgress(requests.size()));
        return ScenarioResult.of(this, sync.total(), async.total(), "3.75 s → 1.10 s",
                List.of(sync.run(), async.run()), sync.failures() + async.failures());
    }
}
