package dev.salvo.flink;

import dev.salvo.client.Request;
import java.io.Serializable;

/**
 * Turns one input record into the request to send. Runs on the task thread. What it throws
 * becomes a {@link ErrorKind#BAD_INPUT} failure of that record (an output record or a failed job,
 * as {@link OnFailure} decides), so a malformed record never stops the job by itself.
 */
@FunctionalInterface
public interface ToRequest<IN> extends Serializable {
    Request toRequest(IN input) throws Exception;
}
