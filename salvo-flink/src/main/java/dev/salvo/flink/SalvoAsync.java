package dev.salvo.flink;

import dev.salvo.client.RetryPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.async.AsyncFunction;

/**
 * Salvo as a Flink Async I/O operator: each record becomes a {@code Request}, each response (or
 * failure) an output record.
 *
 * <pre>{@code
 * DataStream<String> urls = ...;
 * DataStream<Integer> statuses = SalvoAsync.newBuilder(Request::get, (url, response, latency) -> response.status(), Integer.class)
 *         .maxInFlight(64).maxPerHost(8).deadline(Duration.ofSeconds(10))
 *         .onFailure((url, failure) -> -1)
 *         .build()
 *         .apply(urls);
 * }</pre>
 *
 * <p><b>One limit.</b> {@code maxInFlight} is both Salvo's limit and Flink's async capacity, per
 * subtask: across the job at most {@code maxInFlight × parallelism} calls run, and at most
 * {@code maxPerHost × parallelism} to one host. <b>One deadline.</b> Salvo's whole-call deadline
 * (queue wait and retries included) must be below Flink's async timeout, checked by
 * {@link Builder#build()}, so a slow call ends as a typed {@link CallFailure}, not as Flink's
 * timeout. <b>One retry layer.</b> Salvo's {@link RetryPolicy} retries; Flink's async retry
 * strategy is not used: it would re-send outside Salvo's deadline and limits, and multiply the
 * attempts. Immutable; apply it to as many streams as you like.
 */
public final class SalvoAsync<IN, OUT> {
    private final SalvoAsyncFunction<IN, OUT> function;
    private final int capacity;
    private final Duration asyncTimeout;
    private final boolean ordered;

    private SalvoAsync(Builder<IN, OUT> b, ClientSettings settings) {
        this.function = new SalvoAsyncFunction<>(settings, b.asyncTimeout(), b.toRequest, b.toOutput, b.onFailure,
                b.outputType);
        this.capacity = settings.maxInFlight();
        this.asyncTimeout = b.asyncTimeout();
        this.ordered = b.ordered;
    }

    /** A builder; the output type is needed because Flink cannot see it through the lambdas. */
    public static <IN, OUT> Builder<IN, OUT> newBuilder(ToRequest<IN> toRequest, ToOutput<IN, OUT> toOutput,
            Class<OUT> outputType) {
        return newBuilder(toRequest, toOutput, TypeInformation.of(Objects.requireNonNull(outputType, "outputType")));
    }

    /** As {@link #newBuilder(ToRequest, ToOutput, Class)}, for generic output types. */
    public static <IN, OUT> Builder<IN, OUT> newBuilder(ToRequest<IN> toRequest, ToOutput<IN, OUT> toOutput,
            TypeInformation<OUT> outputType) {
        return new Builder<>(toRequest, toOutput, outputType);
    }

    /** The async operator on {@code input}: ordered or unordered, with capacity {@code maxInFlight}. */
    public SingleOutputStreamOperator<OUT> apply(DataStream<IN> input) {
        Objects.requireNonNull(input, "input");
        long timeoutMs = asyncTimeout.toMillis();
        return ordered
                ? AsyncDataStream.orderedWait(input, function, timeoutMs, TimeUnit.MILLISECONDS, capacity)
                : AsyncDataStream.unorderedWait(input, function, timeoutMs, TimeUnit.MILLISECONDS, capacity);
    }

    /** The function itself, for a call of {@link AsyncDataStream} of your own: pass {@link #capacity()}. */
    public AsyncFunction<IN, OUT> function() {
        return function;
    }

    /** Flink's async capacity per subtask: the same number as Salvo's {@code maxInFlight}. */
    public int capacity() {
        return capacity;
    }

    /** Flink's async timeout; Salvo's deadline is below it. */
    public Duration asyncTimeout() {
        return asyncTimeout;
    }

    /** Configures a {@link SalvoAsync}; not thread-safe. {@link #build()} checks every setting. */
    public static final class Builder<IN, OUT> {
        private final ToRequest<IN> toRequest;
        private final ToOutput<IN, OUT> toOutput;
        private final TypeInformation<OUT> outputType;
        private OnFailure<IN, OUT> onFailure = OnFailure.failJob();
        private int maxInFlight = 64;
        private int maxPerHost = 64;
        private Duration deadline = Duration.ofSeconds(30);
        private Duration asyncTimeout;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private RetryPolicy retryPolicy = RetryPolicy.none();
        private int eventLoopThreads = 1;
        private int maxResponseBytes = 64 << 20;
        private boolean ordered;

        private Builder(ToRequest<IN> toRequest, ToOutput<IN, OUT> toOutput, TypeInformation<OUT> outputType) {
            this.toRequest = Objects.requireNonNull(toRequest, "toRequest");
            this.toOutput = Objects.requireNonNull(toOutput, "toOutput");
            this.outputType = Objects.requireNonNull(outputType, "outputType");
        }

        /** What failures become; default {@link OnFailure#failJob()}. */
        public Builder<IN, OUT> onFailure(OnFailure<IN, OUT> onFailure) {
            this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
            return this;
        }

        /** Calls in flight per subtask, and Flink's async capacity; default 64. */
        public Builder<IN, OUT> maxInFlight(int max) {
            this.maxInFlight = max;
            return this;
        }

        /** Calls in flight to one host:port per subtask (and pooled connections to it); default 64. */
        public Builder<IN, OUT> maxPerHost(int max) {
            this.maxPerHost = max;
            return this;
        }

        /** Salvo's whole-call deadline (queue wait, retries and body included); default 30 s. */
        public Builder<IN, OUT> deadline(Duration deadline) {
            this.deadline = deadline;
            return this;
        }

        /** Flink's async timeout, above the deadline; default the deadline + 5 s. */
        public Builder<IN, OUT> asyncTimeout(Duration timeout) {
            this.asyncTimeout = Objects.requireNonNull(timeout, "asyncTimeout");
            return this;
        }

        /** TCP connect timeout; default 10 s. */
        public Builder<IN, OUT> connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /** Salvo's retries, the only retry layer; default {@link RetryPolicy#none()}. */
        public Builder<IN, OUT> retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
            return this;
        }

        /** Netty I/O threads per subtask; default 1 (a slot is about one core). */
        public Builder<IN, OUT> eventLoopThreads(int threads) {
            this.eventLoopThreads = threads;
            return this;
        }

        /** Largest response body accepted; default 64 MiB. */
        public Builder<IN, OUT> maxResponseBytes(int max) {
            this.maxResponseBytes = max;
            return this;
        }

        /** Emit in input order (Flink's orderedWait) rather than as calls complete; default false. */
        public Builder<IN, OUT> ordered(boolean ordered) {
            this.ordered = ordered;
            return this;
        }

        /**
         * Checks every setting (with the client's and transport's own checks) and that the
         * deadline is below the async timeout.
         *
         * @throws IllegalArgumentException naming the setting that is wrong
         */
        public SalvoAsync<IN, OUT> build() {
            ClientSettings settings = new ClientSettings(maxInFlight, maxPerHost, deadline, connectTimeout,
                    RetrySpec.of(retryPolicy), eventLoopThreads, maxResponseBytes);
            if (deadline.compareTo(asyncTimeout()) >= 0) {
                throw new IllegalArgumentException("Salvo's deadline (" + deadline + ") must be below Flink's async timeout ("
                        + asyncTimeout + "): the deadline covers queue wait and retries and ends a call with a typed"
                        + " failure; raise the timeout or lower the deadline");
            }
            return new SalvoAsync<>(this, settings);
        }

        private Duration asyncTimeout() {
            return asyncTimeout != null ? asyncTimeout : deadline.plusSeconds(5);
        }
    }
}
