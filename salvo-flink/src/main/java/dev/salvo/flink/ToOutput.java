package dev.salvo.flink;

import dev.salvo.client.Response;
import java.io.Serializable;
import java.time.Duration;

/**
 * Turns a response (any status: 4xx and 5xx are data) into the output record. Runs on Salvo's
 * callback executor, never on an I/O thread; must not return null. What it throws fails the job.
 */
@FunctionalInterface
public interface ToOutput<IN, OUT> extends Serializable {
    OUT onResponse(IN input, Response response, Duration latency) throws Exception;
}
