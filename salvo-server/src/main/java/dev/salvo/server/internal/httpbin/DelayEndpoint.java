package dev.salvo.server.internal.httpbin;

import dev.salvo.server.internal.http.Exchange;
import dev.salvo.server.internal.http.ParamParser;
import dev.salvo.server.internal.http.Router;
import dev.salvo.server.internal.strategy.Work;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code /delay/{d}}, any method: waits d (seconds, fractional, or with a unit such as
 * {@code 100ms}) through the serving strategy, then echoes with a {@code Server-Timing} header.
 * Negative, non-number or over max-duration → 400; {@code /delay} alone → 404.
 */
final class DelayEndpoint {
    private DelayEndpoint() {
    }

    static void addTo(Router.Builder routes) {
        routes.any("/delay/{d}", DelayEndpoint::handle);
    }

    private static void handle(Exchange ex) {
        Duration d = ParamParser.duration(ex.pathVariable("d"), "delay", ex.config().maxDuration());
        RequestEcho echo = RequestEcho.withBody(ex);
        ex.spend(Work.io(d), () -> {
            ex.responseHeader("Server-Timing", String.format(Locale.ROOT,
                    "initial_delay;dur=%.2f;desc=\"initial delay\"", d.toNanos() / 1e6));
            ex.replyJson(HttpResponseStatus.OK, echo);
        });
    }
}
