package dev.salvo.server.internal.httpbin;

import dev.salvo.server.internal.http.Exchange;
import dev.salvo.server.internal.http.ParamParser;
import dev.salvo.server.internal.http.Router;
import dev.salvo.server.internal.strategy.Work;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /capacity/{n}?work=50ms}, any method: a host with n workers. At most n requests are served at
 * once, each taking {@code work} (default 50 ms, through the serving strategy); the rest wait their turn
 * in arrival order, so latency is flat up to n concurrent requests and grows in steps of {@code work}
 * beyond. The reply is the echo with {@code X-Capacity-Waited-Ms}. One queue per n for the whole server;
 * n outside [1, 10000] or a bad {@code work} → 400.
 */
final class CapacityEndpoint {
    private static final Map<Integer, Workers> BY_N = new ConcurrentHashMap<>();

    private CapacityEndpoint() {
    }

    static void addTo(Router.Builder routes) {
        routes.any("/capacity/{n}", CapacityEndpoint::handle);
    }

    private static void handle(Exchange ex) {
        int n = (int) ParamParser.integer(ex.pathVariable("n"), "n", 1, 10_000);
        List<String> work = ex.queryParameters().getOrDefault("work", List.of());
        Duration d = work.isEmpty() ? Duration.ofMillis(50)
                : ParamParser.duration(work.get(0), "work", ex.config().maxDuration());
        RequestEcho echo = RequestEcho.withBody(ex);
        long arrived = System.nanoTime();
        BY_N.computeIfAbsent(n, Workers::new).submit(() -> ex.eventLoop().execute(() -> ex.spend(Work.io(d), () -> {
            ex.responseHeader("X-Capacity-Waited-Ms", String.valueOf((System.nanoTime() - arrived) / 1_000_000 - d.toMillis()));
            ex.replyJson(HttpResponseStatus.OK, echo);
            BY_N.get(n).done();
        })));
    }

    /** n workers and the requests waiting for one. Thread-safe (its monitor). */
    private static final class Workers {
        private final int n;
        private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
        private int busy;

        Workers(int n) {
            this.n = n;
        }

        void submit(Runnable serve) {
            synchronized (this) {
                if (busy >= n) {
                    waiting.add(serve);
                    return;
                }
                busy++;
            }
            serve.run();
        }

        void done() {
            Runnable next;
            synchronized (this) {
                next = waiting.poll();
                if (next == null) {
                    busy--;
                    return;
                }
            }
            next.run();
        }
    }
}
