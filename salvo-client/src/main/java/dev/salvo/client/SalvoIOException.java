package dev.salvo.client;

import java.io.IOException;

/**
 * The I/O failure of one call; every future Salvo returns fails with this type (or a subclass)
 * when the network, the peer or a limit ends the call, with the original exception as the cause.
 * The subclasses name the kind: {@link ConnectFailedException}, {@link DeadlineExceededException},
 * {@link ConnectionClosedException}, {@link MalformedResponseException}, {@link QueueFullException},
 * {@link ClientClosedException}. This class itself stands for any other I/O failure.
 */
public class SalvoIOException extends IOException {
    private static final long serialVersionUID = 1L;

    public SalvoIOException(String message) {
        super(message);
    }

    public SalvoIOException(String message, Throwable cause) {
        super(message, cause);
    }
}
