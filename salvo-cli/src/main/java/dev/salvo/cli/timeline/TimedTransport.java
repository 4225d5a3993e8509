package dev.salvo.cli.timeline;

import dev.salvo.client.Request;
import dev.salvo.client.spi.Exchange;
import dev.salvo.client.spi.Transport;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link Transport} that records each exchange on a {@link Timeline}, for code that uses a
 * transport directly rather than through a {@code Salvo} client. Does not own {@code delegate}.
 */
public final class TimedTransport implements Transport {
    private final Transport delegate;
    private final Timeline timeline;

    public TimedTransport(Transport delegate, Timeline timeline) {
        this.delegate = delegate;
        this.timeline = timeline;
    }

    @Override
    public CompletableFuture<Void> execute(Request request, Exchange exchange) {
        long start = System.nanoTime();
        return delegate.execute(request, exchange).whenComplete((ignored, failure) ->
                timeline.record(request.toString(), start, start, System.nanoTime(), failure != null));
    }
}
