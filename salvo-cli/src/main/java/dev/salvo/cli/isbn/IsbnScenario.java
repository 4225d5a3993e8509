package dev.salvo.cli.isbn;

import dev.salvo.cli.scenario.ScenarioContext;
import dev.salvo.cli.scenario.ScenarioResult;
import dev.salvo.cli.scenario.SeedScenario;
import java.util.List;

/** S4: the seed's 14 lookups four ways; sequential = sync_main, concurrent = async_main_sep_tasks. */
public final class IsbnScenario extends SeedScenario {
    public IsbnScenario() {
        super("S4", "blocking library made concurrent: ISBN lookups (seed 002)",
                "Handing a blocking call to an executor only helps if you submit them all before you wait.");
    }

    @Override
    public ScenarioResult run(ScenarioContext context) {
        IsbnLookups.Result result = IsbnLookups.run(context.output(), context.server(), IsbnLookups.SEED_ISBNS);
        List<IsbnVariants.Timing> timings = result.timings();
        return ScenarioResult.of(this, timings.get(0).elapsed(), timings.get(timings.size() - 1).elapsed(),
                "7.406 s → 0.690 s", timings.stream().map(IsbnVariants.Timing::run).toList(), result.failures());
    }
}
