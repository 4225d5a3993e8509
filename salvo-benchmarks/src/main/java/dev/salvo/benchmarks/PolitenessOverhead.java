package dev.salvo.benchmarks;

import dev.salvo.client.BodyHandler;
import dev.salvo.client.BodyResponse;
import dev.salvo.client.Interceptor;
import dev.salvo.client.Request;
import dev.salvo.client.Salvo;
import dev.salvo.client.spi.Transport;
import java.util.concurrent.CompletableFuture;

/**
 * Issue 14's overhead figure: requests/s of a client with a pass-through interceptor and a rate limit
 * that never binds (a million a second) vs a plain client, each on its own transport of the same kind,
 * same server and concurrency, in one run of {@link AbRounds}; prints each round and the ratio of
 * medians (on ÷ off). Usage: {@code PolitenessOverhead [concurrency] [seconds per round] [rounds] [path] [transport]}.
 */
public final class PolitenessOverhead {
    private PolitenessOverhead() {
    }

    public static void main(String[] args) throws Exception {
        AbRounds.Setup setup = AbRounds.Setup.parse(args);
        Interceptor passThrough = new Interceptor() {
            @Override
            public <T> CompletableFuture<BodyResponse<T>> intercept(Request request, BodyHandler<T> handler, Chain chain) {
                return chain.proceed(request, handler);
            }
        };
        try (ServerProcess server = ServerProcess.start();
             Transport plainTransport = setup.newTransport();
             Transport politeTransport = setup.newTransport();
             Salvo plain = Salvo.newBuilder().transport(plainTransport).maxInFlight(setup.concurrency()).build();
             Salvo polite = Salvo.newBuilder().transport(politeTransport).maxInFlight(setup.concurrency())
                     .interceptor(passThrough).rateLimit(1_000_000, 1_000_000).build()) {
            Request request = Request.get(server.baseUrl() + setup.path());
            System.out.println(setup.summary(AbRounds.compare(plain::send, polite::send, request, setup)));
        }
    }
}
