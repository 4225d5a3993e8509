package dev.salvo.benchmarks;

import dev.salvo.client.BodyHandler;
import dev.salvo.client.BodyResponse;
import dev.salvo.client.Headers;
import dev.salvo.client.Interceptor;
import dev.salvo.client.Request;
import dev.salvo.client.Response;
import dev.salvo.client.Salvo;
import dev.salvo.client.spi.Transport;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of Salvo's dispatch path (limits + queue + deadline timer + future) in ns per request,
 * over a transport that answers at once without any I/O. {@code sendAndJoin}: one call at a time;
 * {@code sendMappedAndJoin}: the same with a mapper, i.e. one hand-off to the callback executor;
 * {@code burst}: 1,000 calls sent at once through 64 slots, per call; {@code sendToUserStage}: a
 * completed call's path to the user's stage, the caller chaining one {@code whenComplete} as the
 * README shows and waiting for that stage to have run (issue 12's "before"/"after" figure);
 * {@code sendRateLimitedAndJoin}, {@code sendInterceptedAndJoin}, {@code sendPoliteAndJoin}: as
 * {@code sendAndJoin} with a rate limit that never binds, a pass-through interceptor, and both (issue
 * 14's overhead, per call); {@code sendMeteredAndJoin}, {@code sendTracedAndJoin}, {@code sendObservedAndJoin}:
 * as {@code sendAndJoin} with Micrometer metrics, OpenTelemetry tracing (the SDK, every call sampled, a batch
 * processor to a no-op exporter), and both (issue 15's overhead, per call; see {@link Observed}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DispatchBenchmark {
    private static final int BURST = 1000;

    private Salvo salvo;
    private Salvo rateLimited;
    private Salvo intercepted;
    private Salvo polite;
    private Observed observability;
    private Salvo metered;
    private Salvo traced;
    private Salvo observed;
    private Request request;
    private Response response;

    @Setup(Level.Trial)
    public void setUp() {
        request = Request.get("http://127.0.0.1:9/get");
        response = Response.of(request, 200, Headers.of("Content-Type", "text/plain"), new byte[16]);
        byte[] body = new byte[16];
        Transport instant = (req, exchange) -> {
            Flow.Subscriber<List<ByteBuffer>> subscriber = exchange.responseHeaders(200, response.headers());
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                }

                @Override
                public void cancel() {
                }
            });
            subscriber.onNext(List.of(ByteBuffer.wrap(body)));
            subscriber.onComplete();
            return CompletableFuture.completedFuture(null);
        };
        salvo = Salvo.newBuilder().transport(instant).maxInFlight(64).maxPerHost(64).build();
        Interceptor passThrough = new Interceptor() {
            @Override
            public <T> CompletableFuture<BodyResponse<T>> intercept(Request req, BodyHandler<T> handler, Chain chain) {
                return chain.proceed(req, handler);
            }
        };
        rateLimited = Salvo.newBuilder().transport(instant).maxInFlight(64).maxPerHost(64)
                .rateLimit(1_000_000_000, 1_000_000_000).build();
        intercepted = Salvo.newBuilder().transport(instant).maxInFlight(64).maxPerHost(64).interceptor(passThrough).build();
        polite = Salvo.newBuilder().transport(instant).maxInFlight(64).maxPerHost(64).interceptor(passThrough)
                .rateLimit(1_000_000_000, 1_000_000_000).build();
        observability = new Observed();
        metered = observability.observe(Salvo.newBuilder().transport(instant).maxInFlight(64).maxPerHost(64), true, false);
        traced = observability.observe(Salvo.newBuilder().transport(instant).maxInFlight(64).maxPerHost(64), false, true);
        observed = observability.observe(Salvo.newBuilder().transport(instant).maxInFlight(64).maxPerHost(64), true, true);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        salvo.close();
        rateLimited.close();
        intercepted.close();
        polite.close();
        metered.close();
        traced.close();
        observed.close();
        observability.close();
    }

    @Benchmark
    public Response sendMeteredAndJoin() {
        return metered.send(request).join();
    }

    @Benchmark
    public Response sendTracedAndJoin() {
        return traced.send(request).join();
    }

    @Benchmark
    public Response sendObservedAndJoin() {
        return observed.send(request).join();
    }

    @Benchmark
    public Response sendRateLimitedAndJoin() {
        return rateLimited.send(request).join();
    }

    @Benchmark
    public Response sendInterceptedAndJoin() {
        return intercepted.send(request).join();
    }

    @Benchmark
    public Response sendPoliteAndJoin() {
        return polite.send(request).join();
    }

    @Benchmark
    public Response sendAndJoin() {
        return salvo.send(request).join();
    }

    @Benchmark
    public int sendMappedAndJoin() {
        return salvo.send(request, Response::status).join();
    }

    @Benchmark
    public int sendToUserStage() {
        int[] seen = new int[1];
        salvo.send(request).whenComplete((r, e) -> seen[0] = r == null ? -1 : r.status()).join();
        return seen[0];
    }

    @Benchmark
    @OperationsPerInvocation(BURST)
    public int burst() {
        @SuppressWarnings("unchecked")
        CompletableFuture<Response>[] calls = new CompletableFuture[BURST];
        for (int i = 0; i < BURST; i++) {
            calls[i] = salvo.send(request);
        }
        int ok = 0;
        for (CompletableFuture<Response> call : calls) {
            ok += call.join().status() == 200 ? 1 : 0;
        }
        return ok;
    }
}
