package dev.salvo.cli.batches;

import dev.salvo.cli.scenario.ScenarioContext;
import dev.salvo.cli.scenario.ScenarioResult;
import dev.salvo.cli.scenario.SeedScenario;
import dev.salvo.cli.timeline.RunResult;
import dev.salvo.client.Request;
import java.util.Collections;
import java.util.List;

/**
 * S3: three batches of POSTs with {@code {"test": "someData"}}, sizes 2, 3, 2. On loopback a POST
 * takes no time, so each goes to {@code /delay/0.1} (which echoes like {@code /post}) to stand for
 * the internet round trip the seed measured (0.02–0.15 s).
 */
public final class BatchesScenario extends SeedScenario {
    public BatchesScenario() {
        super("S3", "sequential batches, run concurrently (seed 001)",
                "Order inside a batch is kept by chaining its steps; independent batches still overlap.");
    }

    private static final int[] SIZES = {2, 3, 2};

    @Override
    public ScenarioResult run(ScenarioContext context) {
        String url = context.server().url("/delay/" + context.delaySeconds(0.1));
        List<List<Request>> batches = java.util.Arrays.stream(SIZES)
                .mapToObj(size -> Collections.nCopies(size, Request.postJson(url, "{\"test\": \"someData\"}")))
                .toList();
        BatchesRun runner = new BatchesRun(context.output(), context.transport());
        context.output().line("**** SEQUENTIAL ****");
        RunResult sequential = runner.run(batches, false, "sequential");
        context.output().line("**** CONCURRENT ****");
        RunResult concurrent = runner.run(batches, true, "concurrent");
        return ScenarioResult.of(this, sequential.total(), concurrent.total(),
                "0.18 s (longest batch 0.17 s)", List.of(sequential.run(), concurrent.run()),
                sequential.failures() + concurrent.failures());
    }
}
