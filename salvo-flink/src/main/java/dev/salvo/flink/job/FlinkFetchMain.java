package dev.salvo.flink.job;

import dev.salvo.client.RetryPolicy;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.util.EnvironmentInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code salvo flink-fetch}: runs {@link FetchJob} on an embedded MiniCluster, on a cluster
 * ({@code --jobmanager}), or under {@code flink run} (which supplies the environment).
 */
@Command(name = "flink-fetch", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = FlinkFetchMain.Version.class,
        description = {"Fetch every line of a file (a URL, or a JSON request) on Apache Flink, exactly once.",
            "Writes one JSON line per request to part files in --out, committed at each checkpoint.",
            "Exit code 1 when the job failed or a request failed, 2 for bad usage."})
public final class FlinkFetchMain implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--urls", required = true, paramLabel = "FILE",
            description = "Request lines: URLs, or JSON objects {method, url, headers, body}; blank and # lines are skipped.")
    String urls;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created if missing).")
    String out;

    @Option(names = {"-p", "--parallelism"}, paramLabel = "N", defaultValue = "2",
            description = "Fetch subtasks (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--ordered", description = "Keep input order within each subtask (Flink's orderedWait).")
    boolean ordered;

    @Option(names = "--jobmanager", paramLabel = "HOST:PORT",
            description = "Submit to this Flink cluster's REST endpoint instead of an embedded MiniCluster.")
    String jobManager;

    @Option(names = {"-c", "--max-in-flight"}, paramLabel = "N", defaultValue = "64",
            description = "Calls in flight per subtask; also Flink's async capacity (default: ${DEFAULT-VALUE}).")
    int maxInFlight;

    @Option(names = "--max-per-host", paramLabel = "N", defaultValue = "64",
            description = "Calls in flight to one host per subtask (default: ${DEFAULT-VALUE}).")
    int maxPerHost;

    @Option(names = "--deadline", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "Salvo's whole-call deadline, retries included (default: ${DEFAULT-VALUE}).")
    Duration deadline;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Flink's async timeout, above the deadline (default: deadline + 5s).")
    Duration timeout;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "0",
            description = "Salvo retries of a failed idempotent call (connect, connection lost, 429, 503) (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--body", description = "Write each body as text instead of its SHA-256.")
    boolean withBody;

    @Option(names = "--fail-on-error", description = "Fail the job on the first failed call instead of writing an error record.")
    boolean failOnError;

    @Option(names = "--checkpoint-interval", paramLabel = "DURATION", defaultValue = "10s",
            converter = DurationConverter.class, description = "How often output is committed (default: ${DEFAULT-VALUE}).")
    Duration checkpointInterval;

    @Option(names = {"-v", "--verbose"}, description = "Show Flink's and Salvo's logs (INFO).")
    boolean verbose;

    public static void main(String[] args) {
        boolean verbose = java.util.Arrays.stream(args).anyMatch(a -> a.equals("-v") || a.equals("--verbose"));
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "error");
        System.exit(commandLine().execute(args));
    }

    /** The command line, with one-line errors for bad usage and for refused input. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new FlinkFetchMain());
        cli.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println("Error: " + e.getMessage());
            return 2;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            PrintWriter err = commandLine.getErr();
            if (e instanceof IllegalArgumentException) {
                err.println("Error: " + e.getMessage());
                return 2;
            }
            err.println("Error: the job failed: " + rootMessage(e));
            return 1;
        });
        return cli;
    }

    @Override
    public Integer call() throws Exception {
        if (retries < 0) {
            throw new ParameterException(spec.commandLine(), "--retries must not be negative, got " + retries);
        }
        FetchJob job = FetchJob.newBuilder(urls, out).parallelism(parallelism).ordered(ordered).maxInFlight(maxInFlight)
                .maxPerHost(maxPerHost).deadline(deadline).asyncTimeout(timeout)
                .retryPolicy(retries == 0 ? RetryPolicy.none() : RetryPolicy.newBuilder().maxAttempts(retries + 1).build())
                .withBody(withBody).failOnError(failOnError).checkpointInterval(checkpointInterval).build();
        StreamExecutionEnvironment env = environment();
        long start = System.nanoTime();
        JobClient client = job.executeAsync(env);
        Path local = FetchJob.localPath(out);
        try (Progress progress = Progress.start(local, spec.commandLine().getErr())) {
            client.getJobExecutionResult().get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        PrintWriter stdout = spec.commandLine().getOut();
        if (local == null) {
            stdout.printf("Job finished in %.2f s; output in %s%n", seconds, out);
            return 0;
        }
        CommittedOutput output = CommittedOutput.read(local);
        stdout.printf("%d records in %d files in %s: %d errors; %.2f s, %.0f requests/s%n", output.records(),
                output.files().size(), out, output.errors(), seconds, output.records() / seconds);
        return output.errors() == 0 ? 0 : 1;
    }

    /** A remote environment for {@code --jobmanager}, shipping this job jar; else Flink's choice. */
    private StreamExecutionEnvironment environment() throws URISyntaxException {
        if (jobManager == null) {
            return StreamExecutionEnvironment.getExecutionEnvironment();
        }
        int colon = jobManager.lastIndexOf(':');
        int port = -1;
        if (colon > 0) {
            try {
                port = Integer.parseInt(jobManager.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
        }
        if (port < 1 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--jobmanager must be HOST:PORT, got '" + jobManager + "'");
        }
        // the job jar this runs from is shipped with the job; run from classes (a test, an IDE) the
        // cluster must have them already, or the job fails there with ClassNotFoundException
        String self = Path.of(FlinkFetchMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        String[] jars = self.endsWith(".jar") ? new String[] {self} : new String[0];
        try {
            return StreamExecutionEnvironment.createRemoteEnvironment(jobManager.substring(0, colon), port, jars);
        } catch (org.apache.flink.api.common.InvalidProgramException e) { // under `flink run`
            throw new ParameterException(spec.commandLine(),
                    "--jobmanager is for running from the salvo command; under flink run, flink run chooses the cluster");
        }
    }

    /** Salvo's and Flink's versions. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String salvo = FlinkFetchMain.class.getPackage().getImplementationVersion();
            return new String[] {"salvo flink-fetch " + (salvo != null ? salvo : "(development build)") + ", Apache Flink "
                    + EnvironmentInformation.getVersion() + ", Java " + Runtime.version()};
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getClass().getSimpleName() + ": " + t;
    }
}
