package dev.salvo.client;

/**
 * A compressed body decoded to more bytes than the decoding interceptor allows
 * ({@link Interceptors#decompressing(long)}): a decompression bomb, stopped before the memory is spent.
 */
public class DecompressionLimitException extends SalvoIOException {
    private static final long serialVersionUID = 1L;

    public DecompressionLimitException(String message) {
        super(message);
    }
}
