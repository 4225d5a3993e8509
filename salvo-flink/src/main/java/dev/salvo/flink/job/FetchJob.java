package dev.salvo.flink.job;

import dev.salvo.client.spi.Arguments;
import dev.salvo.client.RetryPolicy;
import dev.salvo.flink.OnFailure;
import dev.salvo.flink.SalvoAsync;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;

/**
 * The ready fetch job: a file of request lines (URLs, or JSON objects: see {@link LineRequests})
 * in; one JSON line per request out ({@link ResultRecords}) through a {@link FileSink}, exactly
 * once: the sink commits part files only when a checkpoint completes, and a failure restores the
 * source position and the calls in flight from the last checkpoint. Immutable.
 */
public final class FetchJob {
    /** Committed output files are named {@code part-<uid>-<subtask>-<n>.jsonl}. */
    public static final String PART_PREFIX = "part";
    public static final String PART_SUFFIX = ".jsonl";

    private final Builder b;
    private final SalvoAsync<String, String> fetch;

    private FetchJob(Builder b) {
        this.b = b;
        SalvoAsync.Builder<String, String> fetch = SalvoAsync
                .newBuilder(LineRequests::parse, ResultRecords.responses(b.withBody), String.class)
                .onFailure(b.failOnError ? OnFailure.failJob() : ResultRecords.failures())
                .maxInFlight(b.maxInFlight).maxPerHost(b.maxPerHost).deadline(b.deadline)
                .retryPolicy(b.retryPolicy).ordered(b.ordered);
        if (b.asyncTimeout != null) {
            fetch.asyncTimeout(b.asyncTimeout);
        }
        this.fetch = fetch.build();
    }

    public static Builder newBuilder(String urls, String out) {
        return new Builder(urls, out);
    }

    /** Adds this job's pipeline, checkpointing and restart strategy to {@code env}. */
    public void define(StreamExecutionEnvironment env) {
        fetch(requestLines(env)).sinkTo(sink()).name("json lines").uid("json-lines");
    }

    /**
     * The first part of the pipeline: configures checkpointing and restarts on {@code env} and
     * reads the request lines (blank and {@code #} lines dropped), spread over the subtasks.
     */
    public DataStream<String> requestLines(StreamExecutionEnvironment env) {
        Objects.requireNonNull(env, "env");
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, b.restartAttempts);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, b.restartDelay);
        // the fetch is backpressured by design (capacity full, network buffers full of lines): an
        // aligned barrier would wait behind thousands of buffered lines, so checkpoints (and
        // output) would come only at the end. Unaligned barriers overtake them and store them.
        conf.set(CheckpointingOptions.ENABLE_UNALIGNED, true);
        env.configure(conf);
        env.setParallelism(b.parallelism);
        env.enableCheckpointing(b.checkpointInterval.toMillis(), CheckpointingMode.EXACTLY_ONCE);
        FileSource<String> source = FileSource.forRecordStreamFormat(new TextLineInputFormat(),
                new org.apache.flink.core.fs.Path(flinkPath(b.urls))).build();
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "request lines").uid("request-lines")
                .filter(LineRequests::isRequestLine).name("skip blank and # lines").uid("request-line-filter")
                .rebalance();
    }

    /** The middle: each line fetched with Salvo, as a JSON line. */
    public DataStream<String> fetch(DataStream<String> lines) {
        return fetch.apply(lines).name("salvo fetch").uid("salvo-fetch");
    }

    /** The end: part files in the output directory, committed at each checkpoint. */
    public FileSink<String> sink() {
        return FileSink
                .forRowFormat(new org.apache.flink.core.fs.Path(flinkPath(b.out)),
                        new SimpleStringEncoder<String>(StandardCharsets.UTF_8.name()))
                .withBucketAssigner(new BasePathBucketAssigner<>())
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix(PART_PREFIX).withPartSuffix(PART_SUFFIX)
                        .build())
                .build();
    }

    /** Defines the job on {@code env} and runs it to the end. */
    public JobExecutionResult execute(StreamExecutionEnvironment env) throws Exception {
        define(env);
        return env.execute(jobName());
    }

    /** Defines the job on {@code env} and submits it without waiting. */
    public JobClient executeAsync(StreamExecutionEnvironment env) throws Exception {
        define(env);
        return env.executeAsync(jobName());
    }

    public String jobName() {
        return "salvo flink-fetch " + b.urls;
    }

    public int parallelism() {
        return b.parallelism;
    }

    /** The output directory, as given. */
    public String out() {
        return b.out;
    }

    /** A local path made absolute ({@code file:} URI); any other file system's URI as it is. */
    private static String flinkPath(String path) {
        return localPath(path) != null ? localPath(path).toAbsolutePath().toUri().toString() : path;
    }

    /** The local path {@code path} names (no scheme, or {@code file:}), else null. */
    static Path localPath(String path) {
        if (path.matches("^[A-Za-z][A-Za-z0-9+.-]+:.*") && !path.startsWith("file:")) {
            return null;
        }
        return path.startsWith("file:") ? Path.of(URI.create(path)) : Path.of(path);
    }

    /** Configures a {@link FetchJob}; not thread-safe. {@link #build()} checks everything. */
    public static final class Builder {
        private final String urls;
        private final String out;
        private int parallelism = 2;
        private boolean ordered;
        private int maxInFlight = 64;
        private int maxPerHost = 64;
        private Duration deadline = Duration.ofSeconds(30);
        private Duration asyncTimeout;
        private RetryPolicy retryPolicy = RetryPolicy.none();
        private boolean withBody;
        private boolean failOnError;
        private Duration checkpointInterval = Duration.ofSeconds(10);
        private int restartAttempts = 3;
        private Duration restartDelay = Duration.ofSeconds(1);

        private Builder(String urls, String out) {
            this.urls = Objects.requireNonNull(urls, "urls");
            this.out = Objects.requireNonNull(out, "out");
        }

        /** Subtasks of the fetch (and the sink); default 2. */
        public Builder parallelism(int parallelism) {
            this.parallelism = parallelism;
            return this;
        }

        /** Output in input order within each subtask; default off (faster). */
        public Builder ordered(boolean ordered) {
            this.ordered = ordered;
            return this;
        }

        /** Calls in flight per subtask, also Flink's async capacity; default 64. */
        public Builder maxInFlight(int max) {
            this.maxInFlight = max;
            return this;
        }

        /** Calls in flight to one host per subtask; default 64. */
        public Builder maxPerHost(int max) {
            this.maxPerHost = max;
            return this;
        }

        /** Salvo's whole-call deadline; default 30 s. */
        public Builder deadline(Duration deadline) {
            this.deadline = deadline;
            return this;
        }

        /** Flink's async timeout; default the deadline + 5 s. */
        public Builder asyncTimeout(Duration timeout) {
            this.asyncTimeout = timeout;
            return this;
        }

        /** Salvo's retries (the only retry layer); default none. */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
            return this;
        }

        /** Write the body itself instead of its SHA-256; default off. */
        public Builder withBody(boolean withBody) {
            this.withBody = withBody;
            return this;
        }

        /** Fail the job on the first failed call instead of writing an error record; default off. */
        public Builder failOnError(boolean fail) {
            this.failOnError = fail;
            return this;
        }

        /** How often a checkpoint commits output; default 10 s. */
        public Builder checkpointInterval(Duration interval) {
            this.checkpointInterval = interval;
            return this;
        }

        /** Restarts from the last checkpoint before the job fails for good, and the pause before each; default 3, 1 s. */
        public Builder restarts(int attempts, Duration delay) {
            this.restartAttempts = attempts;
            this.restartDelay = delay;
            return this;
        }

        /**
         * @throws IllegalArgumentException naming what is wrong: a setting, a missing or empty
         *         input file, an output path that is a file
         */
        public FetchJob build() {
            Arguments.requirePositive(parallelism, "parallelism");
            Objects.requireNonNull(checkpointInterval, "checkpointInterval");
            Objects.requireNonNull(restartDelay, "restartDelay");
            if (checkpointInterval.toMillis() < 10) {
                throw new IllegalArgumentException("checkpoint interval must be at least 10 ms, got " + checkpointInterval);
            }
            if (restartAttempts < 0 || restartDelay.isNegative()) {
                throw new IllegalArgumentException("restarts must not be negative, got " + restartAttempts + " after "
                        + restartDelay);
            }
            checkInput(localPath(urls));
            Path outDir = localPath(out);
            if (outDir != null && Files.exists(outDir) && !Files.isDirectory(outDir)) {
                throw new IllegalArgumentException("--out " + out + " is a file; give a directory (it is created if missing)");
            }
            return new FetchJob(this);
        }

        /** A local input must be a readable file with at least one request line. */
        private void checkInput(Path file) {
            if (file == null) {
                return;
            }
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new IllegalArgumentException("--urls " + urls + ": no such readable file");
            }
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (LineRequests.isRequestLine(line)) {
                        return;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("--urls " + urls + ": " + e.getMessage(), e);
            }
            throw new IllegalArgumentException("--urls " + urls + " has no request lines (it is empty, or only blank and # lines)");
        }
    }
}
