package dev.salvo.client.spi;

import dev.salvo.client.Request;
import java.io.IOException;

/**
 * Any blocking HTTP call, request in, response out: the shape of "a library you are stuck with".
 * {@link dev.salvo.client.Transports#blocking(BlockingClient)} runs it on virtual threads so it joins
 * Salvo's concurrency, and streams the returned body as its caller reads it. An implementation should
 * give up when its thread is interrupted (Salvo interrupts it on cancel and on deadline).
 */
@FunctionalInterface
public interface BlockingClient {
    /** Sends {@code request} and returns once the status and headers are in; the body is read later. */
    BlockingResponse execute(Request request) throws IOException;
}
