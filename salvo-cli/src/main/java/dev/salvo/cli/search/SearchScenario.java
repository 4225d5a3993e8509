package dev.salvo.cli.search;

import dev.salvo.cli.scenario.ScenarioContext;
import dev.salvo.cli.scenario.ScenarioResult;
import dev.salvo.cli.scenario.SeedScenario;
import java.util.List;

/** S1: 22 searches sync, then on a pool of 16, through the same SDK code. */
public final class SearchScenario extends SeedScenario {
    public SearchScenario() {
        super("S1", "search jobs, sync vs async (seed 000)",
                "A pluggable transport lets unchanged blocking SDK code run concurrently (16, then 6).");
    }

    private static final int SEARCHES = 22;
    private static final int POOL = 16;

    @Override
    public ScenarioResult run(ScenarioContext context) throws InterruptedException {
        SearchRun search = new SearchRun(context.output(), context.transport(), context.server().base());
        context.output().line("**** sync ****");
        SearchRun.Result sync = search.run(SEARCHES, 1, "sync");
        context.output().line("**** async ****");
        SearchRun.Result async = search.run(SEARCHES, POOL, "async");
        return ScenarioResult.of(this, sync.elapsed(), async.elapsed(), "async ≈ 1/3 of sync",
                List.of(sync.run(), async.run()), 0);
    }
}
