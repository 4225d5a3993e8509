package dev.salvo.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.contract.Await;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The interceptor chain and the authentication interceptors, against real servers. */
class InterceptorsTest {
    @RegisterExtension
    static final LocalServer server = new LocalServer();

    /** Records what it saw, tagged with its name, and adds a header naming itself. */
    private static Interceptor tagging(String name, List<String> seen) {
        return new Interceptor() {
            @Override
            public <T> CompletableFuture<BodyResponse<T>> intercept(Request request, BodyHandler<T> handler, Chain chain) {
                seen.add(name + " request");
                return chain.proceed(request.toBuilder().header("X-Seen-By", name).build(), handler)
                        .thenApply(response -> {
                            seen.add(name + " response " + response.status());
                            return response;
                        });
            }
        };
    }

    @Test
    void interceptorsRunOutermostFirstOnceAroundRedirects() {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (Salvo http = Salvo.newBuilder().interceptor(tagging("outer", seen)).interceptor(tagging("inner", seen)).build()) {
            Response response = Await.value(http.send(server.get("/redirect/2")));
            assertEquals(200, response.status());
            assertEquals(List.of("outer request", "inner request", "inner response 200", "outer response 200"), seen);
            assertEquals(true, response.bodyString().contains("outer") && response.bodyString().contains("inner"),
                    "both headers reached the server after the redirects: " + response.bodyString());
        }
    }

    @Test
    void basicAuthPassesTheServersCheck() {
        try (Salvo http = Salvo.newBuilder().interceptor(Interceptors.basicAuth("alice", "s3cret")).build()) {
            assertEquals(200, Await.value(http.send(server.get("/basic-auth/alice/s3cret"))).status());
            assertEquals(401, Await.value(http.send(server.get("/basic-auth/alice/other"))).status());
        }
        assertThrows(IllegalArgumentException.class, () -> Interceptors.basicAuth("a:b", "c"));
    }

    @Test
    void aBearerTokenIsRefreshedOnceOnA401() {
        AtomicInteger asked = new AtomicInteger();
        try (RecordingServer api = new RecordingServer(exchange ->
                     "Bearer fresh".equals(exchange.getRequestHeaders().getFirst("Authorization")) ? 200 : 401);
             Salvo http = Salvo.newBuilder()
                     .interceptor(Interceptors.bearerAuth(() -> asked.incrementAndGet() == 1 ? "stale" : "fresh")).build()) {
            assertEquals(200, Await.value(http.send(Request.get(api.url("/a")))).status());
            assertEquals(2, api.hits(), "the 401, then the call again with the new token");
            assertEquals(200, Await.value(http.send(Request.get(api.url("/b")))).status());
            assertEquals(2, asked.get(), "the fresh token is kept");
            assertEquals(3, api.hits());
            assertEquals(0, http.inFlight() + http.queued());
        }
    }

    @Test
    void aSecond401IsData() {
        try (RecordingServer api = new RecordingServer(exchange -> 401);
             Salvo http = Salvo.newBuilder().interceptor(Interceptors.bearerAuth(() -> "never-good")).build()) {
            assertEquals(401, Await.value(http.send(Request.get(api.url("/a")))).status());
            assertEquals(2, api.hits());
        }
    }

    @Test
    void cancellingACallThroughTheChainFreesItsSlot() {
        try (Salvo http = Salvo.newBuilder().interceptor(tagging("only", new CopyOnWriteArrayList<>())).build()) {
            CompletableFuture<Response> slow = http.send(server.get("/delay/5"));
            Await.until("the call holds its slot", () -> http.inFlight() == 1);
            slow.cancel(true);
            assertEquals(0, http.inFlight() + http.queued(), "freed before cancel returned");
        }
    }

    @Test
    void cancellingAMappedCallThroughTheChainFreesItsSlotBeforeCancelReturns() {
        try (Salvo http = Salvo.newBuilder().maxInFlight(1).interceptor(tagging("only", new CopyOnWriteArrayList<>())).build()) {
            for (int i = 0; i < 5; i++) {
                CompletableFuture<Integer> mapped = http.send(server.get("/delay/5"), Response::status);
                Await.until("the call holds its slot", () -> http.inFlight() == 1);
                assertTrue(mapped.cancel(true));
                assertEquals(0, http.inFlight() + http.queued(), "slot freed before cancel returned (round " + i + ")");
            }
            CompletableFuture<Integer> next = http.send(server.get("/get"), Response::status);
            assertEquals(0, http.queued(), "the next call does not wait behind a cancelled one");
            assertEquals(200, Await.value(next));
        }
    }

    @Test
    void aMapperFailsTheFutureTheSameWayWithOrWithoutInterceptors() throws Exception {
        try (Salvo plain = Salvo.create();
             Salvo chained = Salvo.newBuilder().interceptor(tagging("only", new CopyOnWriteArrayList<>())).build()) {
            for (Salvo http : List.of(plain, chained)) {
                String which = http == plain ? "without interceptors" : "with interceptors";
                IOException thrown = new IOException("mapper says no");
                CompletableFuture<String> mapped = http.send(server.get("/get"), response -> {
                    throw thrown;
                });
                Throwable seen = Await.value(mapped.handle((value, error) -> error));
                assertSame(thrown, seen, which + ": the mapper's exception itself, got " + seen);
                ExecutionException viaGet = assertThrows(ExecutionException.class, mapped::get);
                assertSame(thrown, viaGet.getCause(), which);
                assertSame(thrown, mapped.exceptionNow(), which);
                IllegalStateException unchecked = new IllegalStateException("mapper bug");
                CompletableFuture<String> failing = http.send(server.get("/get"), response -> {
                    throw unchecked;
                });
                assertSame(unchecked, Await.value(failing.handle((value, error) -> error)), which);
                // a failed call reaches the mapped future unwrapped too
                CompletableFuture<String> broken = http.send(server.get("/fault/garbage"), response -> "never");
                assertInstanceOf(MalformedResponseException.class, Await.value(broken.handle((value, error) -> error)), which);
            }
        }
    }

    @Test
    void aMapperThroughTheChainRunsOnACallbackThread() {
        try (Salvo http = Salvo.newBuilder().interceptor(tagging("only", new CopyOnWriteArrayList<>())).build()) {
            String mapperThread = Await.value(http.send(server.get("/get"), response -> Thread.currentThread().getName()));
            assertTrue(mapperThread.startsWith("salvo-callback-"), mapperThread);
        }
    }
}
