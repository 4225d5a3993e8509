package dev.salvo.cli.batches;

import dev.salvo.cli.common.OneLineErrors;
import dev.salvo.cli.common.Output;
import dev.salvo.cli.common.TransportOptions;
import dev.salvo.cli.timeline.RunResult;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code salvo batches -f FILE}: seed 001's sequential batches, run concurrently. */
@Command(name = "batches", sortOptions = false,
        description = {"Run batches of requests: steps in order inside a batch, batches at the same time (seed 001, S3).",
            "FILE is JSON: {\"batches\": [[{\"url\": \"http://...\", \"method\": \"POST\", \"json\": {...}}, ...], ...]}"
                + " (see docs/cli.md).",
            "Exit code 1 when a step failed."})
public final class BatchesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", required = true, description = "The batch file (JSON).")
    Path file;

    @Option(names = "--sequential", description = "Run the batches one after another instead (for comparison).")
    boolean sequential;

    @Mixin
    TransportOptions transport;

    @Override
    public Integer call() {
        RunResult result = new BatchesRun(Output.of(spec), transport)
                .run(BatchFile.read(file), !sequential, sequential ? "sequential" : "concurrent");
        return result.failures() == 0 ? 0 : OneLineErrors.FAILED;
    }
}
