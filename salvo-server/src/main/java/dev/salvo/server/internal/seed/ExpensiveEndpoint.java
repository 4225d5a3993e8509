package dev.salvo.server.internal.seed;

import dev.salvo.server.internal.http.Exchange;
import dev.salvo.server.internal.http.HttpError;
import dev.salvo.server.internal.http.ParamParser;
import dev.salvo.server.internal.http.Router;
import dev.salvo.server.internal.strategy.Work;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;

/**
 * Seed 003's expensive function at {@code /}, any method: spends {@code ?cost=SECONDS} (default 1,
 * at most max-duration) of {@code ?kind=io} (waiting, default) or {@code cpu} (computing on one
 * core) through the serving strategy, then answers {@code Howdy!\r\n} as
 * {@code text/plain; charset=UTF-8}. A bad cost or kind → 400.
 */
final class ExpensiveEndpoint {
    private static final String TEXT = "text/plain; charset=UTF-8";

    private ExpensiveEndpoint() {
    }

    static void addTo(Router.Builder routes) {
        routes.any("/", ExpensiveEndpoint::handle);
    }

    private static void handle(Exchange ex) {
        Duration cost = ParamParser.duration(ex.param("cost").orElse("1"), "cost", ex.config().maxDuration());
        Work.Kind kind = switch (ex.param("kind").orElse("io")) {
            case "io" -> Work.Kind.IO;
            case "cpu" -> Work.Kind.CPU;
            default -> throw HttpError.badRequest("kind must be io or cpu, got '" + ex.param("kind").orElse("") + "'");
        };
        ex.spend(new Work(cost, kind), () -> ex.replyText(HttpResponseStatus.OK, TEXT, "Howdy!\r\n"));
    }
}
