package dev.salvo.flink;

import java.io.IOException;

/** A call failed and {@link OnFailure#failJob()} was chosen: the job fails with this. */
public final class SalvoCallException extends IOException {
    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;

    public SalvoCallException(CallFailure failure) {
        super(failure.kind().label() + ": " + failure.message(), failure.cause());
        this.kind = failure.kind();
    }

    public ErrorKind kind() {
        return kind;
    }
}
