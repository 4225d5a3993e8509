package dev.salvo.flink;

import dev.salvo.client.Request;
import dev.salvo.client.Response;
import dev.salvo.client.Salvo;
import dev.salvo.netty.NettyTransport;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

/**
 * The async function {@link SalvoAsync} builds: one Salvo client on its own Netty transport per
 * subtask, opened in {@link #open} and closed in {@link #close}, so a restarted task starts
 * clean and leaves no thread or connection behind.
 */
final class SalvoAsyncFunction<IN, OUT> extends RichAsyncFunction<IN, OUT> implements ResultTypeQueryable<OUT> {
    private static final long serialVersionUID = 1L;

    private final ClientSettings settings;
    private final Duration asyncTimeout;
    private final ToRequest<IN> toRequest;
    private final ToOutput<IN, OUT> toOutput;
    private final OnFailure<IN, OUT> onFailure;
    private final TypeInformation<OUT> outputType;

    private transient NettyTransport transport;
    private transient Salvo client;
    private transient SalvoMetrics metrics;

    SalvoAsyncFunction(ClientSettings settings, Duration asyncTimeout, ToRequest<IN> toRequest,
            ToOutput<IN, OUT> toOutput, OnFailure<IN, OUT> onFailure, TypeInformation<OUT> outputType) {
        this.settings = settings;
        this.asyncTimeout = asyncTimeout;
        this.toRequest = toRequest;
        this.toOutput = toOutput;
        this.onFailure = onFailure;
        this.outputType = outputType;
    }

    @Override
    public void open(OpenContext context) {
        metrics = SalvoMetrics.register(getRuntimeContext().getMetricGroup());
        transport = settings.newTransport();
        client = settings.newClient(transport, metrics);
        metrics.watch(client);
    }

    @Override
    public void close() {
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            if (transport != null) {
                transport.close();
            }
            client = null;
            transport = null;
        }
    }

    @Override
    public void asyncInvoke(IN input, ResultFuture<OUT> result) {
        Request request;
        try {
            request = Objects.requireNonNull(toRequest.toRequest(input), "toRequest returned null");
        } catch (Exception e) {
            metrics.countError(ErrorKind.BAD_INPUT);
            fail(input, CallFailure.of(e, Duration.ZERO).withKind(ErrorKind.BAD_INPUT), result);
            return;
        }
        long start = System.nanoTime();
        client.send(request).whenComplete((response, error) -> {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (error == null) {
                succeed(input, response, elapsed, result);
            } else {
                fail(input, CallFailure.of(error, elapsed), result);
            }
        });
    }

    /** A backstop: Salvo's deadline is below this timeout, so it normally ends the call first. */
    @Override
    public void timeout(IN input, ResultFuture<OUT> result) {
        metrics.countError(ErrorKind.TIMEOUT);
        String message = "Flink's async timeout of " + asyncTimeout + " passed before Salvo's deadline of "
                + settings.deadline();
        fail(input, new CallFailure(ErrorKind.TIMEOUT, message, asyncTimeout, new TimeoutException(message)), result);
    }

    @Override
    public TypeInformation<OUT> getProducedType() {
        return outputType;
    }

    private void succeed(IN input, Response response, Duration latency, ResultFuture<OUT> result) {
        try {
            result.complete(List.of(Objects.requireNonNull(toOutput.onResponse(input, response, latency),
                    "toOutput returned null")));
        } catch (Exception e) {
            result.completeExceptionally(e);
        }
    }

    private void fail(IN input, CallFailure failure, ResultFuture<OUT> result) {
        try {
            result.complete(List.of(Objects.requireNonNull(onFailure.onFailure(input, failure), "onFailure returned null")));
        } catch (Exception e) {
            result.completeExceptionally(e);
        }
    }
}
